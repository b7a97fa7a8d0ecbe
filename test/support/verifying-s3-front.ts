// An S3 endpoint for tests: verifies every request's SigV4 signature as S3 does, then proxies to s3rver.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toAmzDate, verifySigV4 } from './sigv4-verifier';
import type { KnownCredential, ReceivedRequest, ScopePart, VerificationFailure } from './sigv4-verifier';
import { closeServer, handleWith, listenOnLoopback, newRequestId, pathOf, receive, sendRequest, sendText, xmlElements, xmlField } from './local-http';
import type { AnsweredRequest, LoopbackAnswer } from './local-http';

export interface VerifyingS3Options {
  /** The access keys the front knows; anything else is InvalidAccessKeyId. */
  credentials: readonly KnownCredential[];
  /** Default 'us-east-1'. */
  region?: string;
  /** Created empty in s3rver before the front answers. Default 'test-bucket'. */
  bucket?: string;
  /** The front's clock, for expiry and skew. Default: the real clock. */
  now?: () => Date;
}

export interface VerifyingS3 {
  /** Base URL of the front, e.g. http://127.0.0.1:54321 (path-style: `${endpoint}/${bucket}/key`). */
  endpoint: string;
  bucket: string;
  region: string;
  /** Every request the front answered, in order. */
  requests: AnsweredRequest[];
  close(): Promise<void>;
}

interface S3Error {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** The part of s3rver's API used here (it ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

/** S3 allows 15 minutes between a header-signed request's date and its own clock. */
const S3_MAX_SKEW_MS = 15 * 60 * 1000;
const PRESIGN_AUTH_PARAMETERS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
]);
const NOT_FORWARDED_HEADERS = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-security-token',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'expect',
  'content-length',
]);
const HOP_BY_HOP_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/** Starts s3rver and the verifying front before it, both on random ports of 127.0.0.1. */
export async function startVerifyingS3(options: VerifyingS3Options): Promise<VerifyingS3> {
  const region = options.region ?? 'us-east-1';
  const bucket = options.bucket ?? 'test-bucket';
  const policy = {
    credentials: options.credentials,
    region,
    services: ['s3'],
    s3: true,
    maxSkewMs: S3_MAX_SKEW_MS,
    now: options.now ?? (() => new Date()),
  };
  const directory = await mkdtemp(join(tmpdir(), 'verifying-s3-'));
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port: s3rverPort } = await s3rver.run();
  const upstream = { endpoint: `http://127.0.0.1:${s3rverPort}`, host: `127.0.0.1:${s3rverPort}`, region };
  const requests: AnsweredRequest[] = [];

  const front = createServer(
    handleWith(
      async (incoming, response) => {
        const received = await receive(incoming);
        const verdict = await verifySigV4(received, policy);
        if (!verdict.ok) {
          const error = s3ErrorFor(verdict.failure);
          sendS3Error(response, error);
          requests.push({ method: received.method, path: pathOf(received.target), status: error.status, code: error.code });
          return;
        }
        const answer = await forwardToS3rver(received, upstream);
        response.writeHead(answer.status, withoutHopByHopHeaders(answer.headers));
        response.end(answer.body);
        const code = errorCodeIn(answer);
        requests.push({ method: received.method, path: pathOf(received.target), status: answer.status, ...(code ? { code } : {}) });
      },
      (response) => sendS3Error(response, { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' }),
    ),
  );
  const endpoint = await listenOnLoopback(front);

  return {
    endpoint,
    bucket,
    region,
    requests,
    async close() {
      await closeServer(front);
      await s3rver.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The error S3 answers for each way a signature can fail. */
export function s3ErrorFor(failure: VerificationFailure): S3Error {
  switch (failure.reason) {
    case 'unsigned':
    case 'legacy-signature':
      return failure.reason === 'legacy-signature' && failure.version === 2
        ? {
            status: 400,
            code: 'InvalidRequest',
            message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
          }
        : // S3 ignores SigV3's X-Amzn-Authorization: to S3 such a request is anonymous.
          { status: 403, code: 'AccessDenied', message: 'Access Denied' };
    case 'unsupported-authorization':
      return {
        status: 400,
        code: 'InvalidArgument',
        message: 'Unsupported Authorization Type',
        fields: { ArgumentName: 'Authorization', ArgumentValue: failure.authorization },
      };
    case 'multiple-mechanisms':
      return {
        status: 400,
        code: 'InvalidArgument',
        message:
          'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
        fields: { ArgumentName: 'Authorization' },
      };
    case 'invalid-uri':
      return { status: 400, code: 'InvalidURI', message: "Couldn't parse the specified URI." };
    case 'malformed':
      return failure.mechanism === 'header'
        ? { status: 400, code: 'AuthorizationHeaderMalformed', message: `The authorization header is malformed; ${failure.detail}` }
        : { status: 400, code: 'AuthorizationQueryParametersError', message: failure.detail };
    case 'wrong-scope':
      return wrongScopeError(failure.mechanism, failure.part, failure.received, failure.expected);
    case 'unknown-access-key':
      return {
        status: 403,
        code: 'InvalidAccessKeyId',
        message: 'The AWS Access Key Id you provided does not exist in our records.',
        fields: { AWSAccessKeyId: failure.accessKeyId },
      };
    case 'invalid-token':
      return { status: 400, code: 'InvalidToken', message: 'The provided token is malformed or otherwise invalid.' };
    case 'missing-date':
      return { status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' };
    case 'request-time-too-skewed':
      return {
        status: 403,
        code: 'RequestTimeTooSkewed',
        message: 'The difference between the request time and the current time is too large.',
        fields: {
          RequestTime: toAmzDate(failure.requestTime),
          ServerTime: isoSeconds(failure.serverTime),
          MaxAllowedSkewMilliseconds: String(S3_MAX_SKEW_MS),
        },
      };
    case 'expires-out-of-range':
      return {
        status: 400,
        code: 'AuthorizationQueryParametersError',
        message: /^\d+$/.test(failure.expires) && Number(failure.expires) > 604_800
          ? 'X-Amz-Expires must be less than a week (in seconds) that is 604800'
          : 'X-Amz-Expires must be a whole number of seconds from 1 to 604800',
      };
    case 'expired':
      return {
        status: 403,
        code: 'AccessDenied',
        message: 'Request has expired',
        fields: {
          'X-Amz-Expires': failure.expires,
          Expires: isoSeconds(failure.expiresAt),
          ServerTime: isoSeconds(failure.serverTime),
        },
      };
    case 'missing-content-sha256':
      return { status: 400, code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' };
    case 'invalid-content-sha256':
      return {
        status: 400,
        code: 'InvalidArgument',
        message: 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
        fields: { ArgumentName: 'x-amz-content-sha256', ArgumentValue: failure.value },
      };
    case 'headers-not-signed':
      return {
        status: 403,
        code: 'AccessDenied',
        message: 'There were headers present in the request which were not signed',
        fields: { HeadersNotSigned: failure.headers.join(', ') },
      };
    case 'signature-mismatch':
      return {
        status: 403,
        code: 'SignatureDoesNotMatch',
        message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        fields: {
          AWSAccessKeyId: failure.accessKeyId,
          StringToSign: failure.stringToSign,
          SignatureProvided: failure.signatureProvided,
          StringToSignBytes: spacedHexBytes(failure.stringToSign),
          CanonicalRequest: failure.canonicalRequest,
          CanonicalRequestBytes: spacedHexBytes(failure.canonicalRequest),
        },
      };
    case 'content-sha256-mismatch':
      return {
        status: 400,
        code: 'XAmzContentSHA256Mismatch',
        message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
        fields: { ClientComputedContentSHA256: failure.clientComputed, S3ComputedContentSHA256: failure.serverComputed },
      };
  }
}

function wrongScopeError(mechanism: 'header' | 'query', part: ScopePart, received: string, expected: string): S3Error {
  const prefix = mechanism === 'header' ? 'The authorization header is malformed; ' : 'Error parsing the X-Amz-Credential parameter; ';
  const code = mechanism === 'header' ? 'AuthorizationHeaderMalformed' : 'AuthorizationQueryParametersError';
  const details: Record<ScopePart, string> = {
    date: 'Invalid credential date. Date is not the same as X-Amz-Date.',
    region: `the region '${received}' is wrong; expecting '${expected}'`,
    service: `incorrect service "${received}". This endpoint belongs to "${expected}".`,
    terminator: `incorrect terminal "${received}". This endpoint uses "${expected}".`,
  };
  return { status: 400, code, message: prefix + details[part], ...(part === 'region' ? { fields: { Region: expected } } : {}) };
}

/** S3's error document: `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`. */
export function s3ErrorXml(error: S3Error, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>' +
    xmlElements({ Code: error.code, Message: error.message, ...error.fields, RequestId: requestId, HostId: requestId }) +
    '</Error>'
  );
}

function sendS3Error(response: ServerResponse, error: S3Error): void {
  const requestId = newRequestId();
  sendText(response, error.status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, s3ErrorXml(error, requestId));
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function spacedHexBytes(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Forwards a verified request to s3rver. The client's signature is stripped and replaced by a fresh
 * dummy SigV4 header for s3rver's built-in account: s3rver never checks V4 signatures, but it does
 * check the date against the real clock and refuses some features (response-* overrides) to anonymous
 * requests.
 */
function forwardToS3rver(received: ReceivedRequest, upstream: { endpoint: string; host: string; region: string }): Promise<LoopbackAnswer> {
  const now = new Date();
  const headers: Record<string, string | string[]> = {
    host: upstream.host,
    'content-length': String(received.body.byteLength),
    'x-amz-date': toAmzDate(now),
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    authorization: `AWS4-HMAC-SHA256 Credential=S3RVER/${toAmzDate(now).slice(0, 8)}/${upstream.region}/s3/aws4_request, SignedHeaders=host, Signature=0`,
  };
  for (let index = 0; index + 1 < received.rawHeaders.length; index += 2) {
    const name = (received.rawHeaders[index] ?? '').toLowerCase();
    const value = received.rawHeaders[index + 1] ?? '';
    if (NOT_FORWARDED_HEADERS.has(name)) continue;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : [...[previous].flat(), value];
  }
  return sendRequest(upstream.endpoint, { method: received.method, path: withoutPresignParameters(received.target), headers, body: received.body });
}

/** The target with the presigned-URL auth parameters taken out, every other byte as received. */
function withoutPresignParameters(target: string): string {
  const queryStart = target.indexOf('?');
  if (queryStart === -1) return target;
  const kept = target
    .slice(queryStart + 1)
    .split('&')
    .filter((pair) => !PRESIGN_AUTH_PARAMETERS.has(decodeParameterName(pair)));
  return kept.length === 0 ? target.slice(0, queryStart) : `${target.slice(0, queryStart)}?${kept.join('&')}`;
}

function decodeParameterName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function withoutHopByHopHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP_RESPONSE_HEADERS.has(name)));
}

function errorCodeIn(answer: LoopbackAnswer): string | undefined {
  return answer.status < 300 ? undefined : xmlField(answer.body.toString('utf8'), 'Code');
}
