// An SES (v1 Query API) endpoint for tests: verifies SigV4 as AWS does, refuses SigV3, records sent mail.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import { toAmzDate, verifySigV4 } from './sigv4-verifier';
import type { KnownCredential, ReceivedRequest, VerificationFailure } from './sigv4-verifier';
import { closeServer, handleWith, listenOnLoopback, pathOf, receive, sendText, xmlElements } from './local-http';
import type { AnsweredRequest } from './local-http';

export interface VerifyingSesOptions {
  credentials: readonly KnownCredential[];
  /** Default 'us-east-1'. */
  region?: string;
  /** Service names accepted in the credential scope. Default ['ses', 'email']. */
  services?: readonly string[];
  /** The endpoint's clock, for skew and expiry. Default: the real clock. */
  now?: () => Date;
}

/** One SendEmail or SendRawEmail call the endpoint accepted. */
export interface SentEmail {
  action: 'SendEmail' | 'SendRawEmail';
  messageId: string;
  accessKeyId: string;
  source?: string;
  /** To, Cc and Bcc addresses (SendEmail) or Destinations (SendRawEmail). */
  destinations: string[];
  subject?: string;
  text?: string;
  html?: string;
  /** The decoded RawMessage.Data (SendRawEmail). */
  raw?: string;
  /** Every form parameter as received. */
  parameters: Record<string, string>;
}

export interface VerifyingSes {
  /** Base URL, e.g. http://127.0.0.1:54321; the Query API is served at '/'. */
  endpoint: string;
  region: string;
  sent: SentEmail[];
  /** Every request the endpoint answered, in order. */
  requests: AnsweredRequest[];
  close(): Promise<void>;
}

interface SesError {
  status: number;
  type: 'Sender' | 'Receiver';
  code: string;
  message: string;
}

type SesRefusal = { status: number; error: SesError };
type SesAnswer = { status: 200; body: string } | SesRefusal;

const SES_NAMESPACE = 'http://ses.amazonaws.com/doc/2010-12-01/';
/** Most AWS services allow 5 minutes between a request's date and their clock. */
const SES_MAX_SKEW_MS = 5 * 60 * 1000;
export const SIGV3_DEPRECATED_MESSAGE =
  'Signature Version 3 requests are deprecated from March 1, 2021. From that date on, we are progressively rejecting such requests. ' +
  'To resolve the issue you must migrate to Signature Version 4. If you are self-signing your requests, refer to the documentation for ' +
  'Authenticating requests to the Amazon SES API [1] with Signature Version 4. [1] https://docs.aws.amazon.com/ses/latest/DeveloperGuide/using-ses-api-authentication.html';

/** Starts the endpoint on a random port of 127.0.0.1. */
export async function startVerifyingSes(options: VerifyingSesOptions): Promise<VerifyingSes> {
  const region = options.region ?? 'us-east-1';
  const policy = {
    credentials: options.credentials,
    region,
    services: options.services ?? ['ses', 'email'],
    s3: false,
    maxSkewMs: SES_MAX_SKEW_MS,
    now: options.now ?? (() => new Date()),
  };
  const sent: SentEmail[] = [];
  const requests: AnsweredRequest[] = [];

  const server = createServer(
    handleWith(
      async (incoming, response) => {
        const received = await receive(incoming);
        const requestId = randomUUID();
        const verdict = await verifySigV4(received, policy);
        const answer = verdict.ok ? performAction(parametersOf(received), verdict.accessKeyId, sent, requestId) : refusal(sesErrorFor(verdict.failure, policy.now()));
        sendSesAnswer(response, answer, requestId);
        requests.push({
          method: received.method,
          path: pathOf(received.target),
          status: answer.status,
          ...('error' in answer ? { code: answer.error.code } : {}),
        });
      },
      (response) => sendSesAnswer(response, refusal({ status: 500, type: 'Receiver', code: 'InternalFailure', message: 'An internal error occurred.' }), randomUUID()),
    ),
  );
  const endpoint = await listenOnLoopback(server);
  return { endpoint, region, sent, requests, close: () => closeServer(server) };
}

/** The error SES answers for each way a signature can fail. */
export function sesErrorFor(failure: VerificationFailure, serverTime: Date): SesError {
  const sender = (status: number, code: string, message: string): SesError => ({ status, type: 'Sender', code, message });
  switch (failure.reason) {
    case 'legacy-signature':
      return failure.version === 3
        ? sender(403, 'InvalidClientTokenId', SIGV3_DEPRECATED_MESSAGE)
        : sender(403, 'IncompleteSignature', 'The request signature does not conform to AWS standards.');
    case 'unsigned':
      return sender(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    case 'unknown-access-key':
    case 'invalid-token':
      return sender(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    case 'signature-mismatch':
      return sender(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
          'Consult the service documentation for details.\n\n' +
          `The Canonical String for this request should have been\n'${failure.canonicalRequest}'\n\n` +
          `The String-to-Sign should have been\n'${failure.stringToSign}'\n`,
      );
    case 'wrong-scope':
      return sender(403, 'SignatureDoesNotMatch', wrongScopeMessage(failure.part, failure.received, failure.expected));
    case 'request-time-too-skewed':
      return sender(403, 'SignatureDoesNotMatch', skewMessage(failure.requestTime, failure.serverTime));
    case 'expired':
      return sender(403, 'SignatureDoesNotMatch', `Signature expired: ${toAmzDate(failure.expiresAt)} is now earlier than ${toAmzDate(serverTime)}.`);
    case 'missing-date':
      return sender(400, 'IncompleteSignature', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    case 'malformed':
    case 'unsupported-authorization':
    case 'multiple-mechanisms':
    case 'expires-out-of-range':
    case 'headers-not-signed':
    case 'invalid-uri':
    case 'missing-content-sha256':
    case 'invalid-content-sha256':
    case 'content-sha256-mismatch':
      return sender(400, 'IncompleteSignature', 'The request signature does not conform to AWS standards.');
  }
}

function wrongScopeMessage(part: 'date' | 'region' | 'service' | 'terminator', received: string, expected: string): string {
  switch (part) {
    case 'date':
      return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${received}' != '${expected}'`;
    case 'region':
      return `Credential should be scoped to a valid region, not '${received}'. `;
    case 'service':
      return `Credential should be scoped to correct service: '${expected}'. `;
    case 'terminator':
      return `Credential should be scoped with a valid terminator: 'aws4_request', not '${received}'. `;
  }
}

function skewMessage(requestTime: Date, serverTime: Date): string {
  const minutes = SES_MAX_SKEW_MS / 60_000;
  return requestTime.getTime() < serverTime.getTime()
    ? `Signature expired: ${toAmzDate(requestTime)} is now earlier than ${toAmzDate(new Date(serverTime.getTime() - SES_MAX_SKEW_MS))} (${toAmzDate(serverTime)} - ${minutes} min.)`
    : `Signature not yet current: ${toAmzDate(requestTime)} is still later than ${toAmzDate(new Date(serverTime.getTime() + SES_MAX_SKEW_MS))} (${toAmzDate(serverTime)} + ${minutes} min.)`;
}

/** Query API parameters: the form body of a POST, else the query string. */
function parametersOf(received: ReceivedRequest): Record<string, string> {
  const queryStart = received.target.indexOf('?');
  const source = received.method === 'POST' ? Buffer.from(received.body).toString('utf8') : queryStart === -1 ? '' : received.target.slice(queryStart + 1);
  return Object.fromEntries(new URLSearchParams(source));
}

function performAction(parameters: Record<string, string>, accessKeyId: string, sent: SentEmail[], requestId: string): SesAnswer {
  const action = parameters['Action'];
  if (action !== 'SendEmail' && action !== 'SendRawEmail') {
    return invalidInput(400, 'InvalidAction', `The action ${action ?? '(none)'} is not valid for this web service.`);
  }
  const email = action === 'SendEmail' ? readSendEmail(parameters, accessKeyId) : readSendRawEmail(parameters, accessKeyId);
  if ('error' in email) return email;
  sent.push(email);
  return { status: 200, body: sendResponseXml(action, email.messageId, requestId) };
}

function readSendEmail(parameters: Record<string, string>, accessKeyId: string): SentEmail | SesRefusal {
  const source = parameters['Source'];
  if (source === undefined) return missingParameter('source');
  const destinations = ['ToAddresses', 'CcAddresses', 'BccAddresses'].flatMap((kind) => listParameter(parameters, `Destination.${kind}.member`));
  if (destinations.length === 0) return invalidInput(400, 'InvalidParameterValue', 'Missing final @domain');
  const subject = parameters['Message.Subject.Data'];
  const text = parameters['Message.Body.Text.Data'];
  const html = parameters['Message.Body.Html.Data'];
  return {
    action: 'SendEmail',
    messageId: newMessageId(),
    accessKeyId,
    source,
    destinations,
    ...(subject !== undefined ? { subject } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(html !== undefined ? { html } : {}),
    parameters,
  };
}

function readSendRawEmail(parameters: Record<string, string>, accessKeyId: string): SentEmail | SesRefusal {
  const data = parameters['RawMessage.Data'];
  if (data === undefined) return missingParameter('rawMessage.data');
  const source = parameters['Source'];
  return {
    action: 'SendRawEmail',
    messageId: newMessageId(),
    accessKeyId,
    ...(source !== undefined ? { source } : {}),
    destinations: listParameter(parameters, 'Destinations.member'),
    raw: Buffer.from(data, 'base64').toString('utf8'),
    parameters,
  };
}

/** Values of `prefix.1`, `prefix.2`, … in order, as the Query API serialises lists. */
function listParameter(parameters: Record<string, string>, prefix: string): string[] {
  const values: string[] = [];
  for (let index = 1; parameters[`${prefix}.${index}`] !== undefined; index += 1) values.push(parameters[`${prefix}.${index}`] ?? '');
  return values;
}

function missingParameter(member: string): SesRefusal {
  return invalidInput(400, 'ValidationError', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
}

function invalidInput(status: number, code: string, message: string): SesRefusal {
  return refusal({ status, type: 'Sender', code, message });
}

function refusal(error: SesError): SesRefusal {
  return { status: error.status, error };
}

/** In the shape of SES message ids: 16 hex digits, a UUID, a 6-digit suffix. */
function newMessageId(): string {
  return `${randomBytes(8).toString('hex')}-${randomUUID()}-000000`;
}

function sendResponseXml(action: 'SendEmail' | 'SendRawEmail', messageId: string, requestId: string): string {
  return (
    `<${action}Response xmlns="${SES_NAMESPACE}">` +
    `<${action}Result>${xmlElements({ MessageId: messageId })}</${action}Result>` +
    `<ResponseMetadata>${xmlElements({ RequestId: requestId })}</ResponseMetadata>` +
    `</${action}Response>`
  );
}

/** SES's error document: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function sesErrorXml(error: SesError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${SES_NAMESPACE}">` +
    `<Error>${xmlElements({ Type: error.type, Code: error.code, Message: error.message })}</Error>` +
    `${xmlElements({ RequestId: requestId })}</ErrorResponse>`
  );
}

function sendSesAnswer(response: ServerResponse, answer: SesAnswer, requestId: string): void {
  const body = 'error' in answer ? sesErrorXml(answer.error, requestId) : answer.body;
  sendText(response, answer.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body);
}
