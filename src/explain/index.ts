// `explainSignatureError`: names why AWS refused a signature, from the error body, the request as sent and
// what the client signed. Pure: text in, a report out (the CLI in src/cli/explain-command.ts prints it).
import { awsCanonicalRequest, readCanonicalRequest } from './canonical';
import type { CanonicalParts } from './canonical';
import { compareCanonicalRequests } from './compare';
import { causesFromError, causesFromRequest, compareStringsToSign, isSignatureMismatch } from './diagnose';
import type { Findings } from './diagnose';
import { readErrorDocument } from './error-document';
import { readRequest } from './request';
import { maskSecret, redactDeep } from './redact';
import type { AwsErrorDocument, AwsSide, Cause, ClientSide, ExplainInput, ExplainReport, InputName, InputProblem, SentRequest } from './types';

export { CAUSE_IDS } from './types';
export type { AwsSide, Cause, CauseId, ClientSide, ExplainInput, ExplainReport, InputProblem, RequestObject } from './types';
export { formatExplainReport } from './format';

/** Inputs are error bodies, requests and canonical strings: anything this large is something else. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;
// Control characters other than tab and line ends, and U+FFFD (what undecodable bytes become).
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;
const STRING_TO_SIGN = /^AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n[^\n]+\n[\da-f]{64}$/;

interface ReadInputs {
  error?: AwsErrorDocument;
  request?: SentRequest;
  canonicalRequest?: { text: string; parts: CanonicalParts };
  stringToSign?: string;
}

/** Names the causes of a refused signature; `exitCode` says whether it could (see ExplainReport). */
export function explainSignatureError(input: ExplainInput): ExplainReport {
  const inputs = readInputs(input);
  if ('input' in inputs) return redactDeep({ exitCode: 2, causes: [], aws: {}, client: {}, suspects: [], inputProblem: inputs });
  const computed = inputs.request !== undefined ? awsCanonicalRequest(inputs.request) : undefined;
  const aws: AwsSide = awsSideOf(inputs.error, computed);
  const client: ClientSide = clientSideOf(inputs);
  const findings = collectFindings(inputs, aws, computed?.canonicalRequest);
  const causes = distinctById(findings.causes);
  const report: ExplainReport = {
    exitCode: causes.length > 0 ? 0 : 1,
    causes,
    aws,
    client,
    suspects: causes.length > 0 ? findings.unexplained : suspectsOf(inputs, findings.unexplained),
  };
  return redactDeep(report);
}

function readInputs(input: ExplainInput): ReadInputs | InputProblem {
  const texts: [InputName, string | undefined][] = [
    ['error', input.error],
    ['request', typeof input.request === 'string' ? input.request : undefined],
    ['canonical-request', input.canonicalRequest],
    ['string-to-sign', input.stringToSign],
  ];
  if (typeof input.request === 'object' && (input.request.body?.length ?? 0) > MAX_INPUT_BYTES) {
    return { input: 'request', message: `has a body over ${MAX_INPUT_BYTES} characters: leave large bodies out (the body only serves to check the payload hash)` };
  }
  for (const [name, text] of texts) {
    const problem = text === undefined ? undefined : textProblem(name, text);
    if (problem !== undefined) return problem;
  }
  if (input.error === undefined && input.request === undefined) {
    return { input: 'input', message: 'nothing to explain: give the error body AWS returned (a file or stdin), --request with the request as sent, or both' };
  }
  const read: ReadInputs = {};
  if (input.error !== undefined) {
    const error = readErrorDocument(input.error);
    if ('input' in error) return error;
    read.error = error;
  }
  if (input.request !== undefined) {
    const request = readRequest(input.request);
    if ('input' in request) return request;
    read.request = request;
  }
  if (input.canonicalRequest !== undefined) {
    const parts = readCanonicalRequest(input.canonicalRequest);
    if (parts === undefined) {
      return { input: 'canonical-request', message: 'is not a canonical request: expected the method, path and query lines, one line per header, a blank line, the signed headers and the payload hash' };
    }
    read.canonicalRequest = { text: parts.lines.join('\n'), parts };
  }
  if (input.stringToSign !== undefined) {
    const text = input.stringToSign.replace(/\r\n/g, '\n').replace(/\n+$/, '');
    if (!STRING_TO_SIGN.test(text)) return { input: 'string-to-sign', message: 'is not a SigV4 string to sign: expected AWS4-HMAC-SHA256, the time (YYYYMMDDTHHMMSSZ), the scope and the hex hash of the canonical request, one per line' };
    read.stringToSign = text;
  }
  return read;
}

function textProblem(input: InputName, text: string): InputProblem | undefined {
  if (text.length > MAX_INPUT_BYTES) return { input, message: `is ${text.length} characters long; an error body, request or canonical string is far smaller (at most ${MAX_INPUT_BYTES} here): leave large bodies out of the request` };
  if (BINARY.test(text)) return { input, message: 'contains binary data (control characters or bytes that are not UTF-8): expected text' };
  if (text.trim() === '') return { input, message: 'is empty' };
  return undefined;
}

function awsSideOf(error: AwsErrorDocument | undefined, computed: { canonicalRequest: string; stringToSign: string } | undefined): AwsSide {
  const fromError = error?.canonicalRequest !== undefined;
  const canonicalRequest = error?.canonicalRequest ?? computed?.canonicalRequest;
  const stringToSign = error?.stringToSign ?? computed?.stringToSign;
  return {
    ...(error !== undefined ? { code: error.code, message: error.message } : {}),
    ...(canonicalRequest !== undefined ? { canonicalRequestSource: fromError ? 'error' : 'request', canonicalRequest } : {}),
    ...(stringToSign !== undefined ? { stringToSign } : {}),
    ...(error?.signatureProvided !== undefined ? { signatureProvided: maskSecret(error.signatureProvided) } : {}),
    ...(error?.accessKeyId !== undefined ? { accessKeyId: error.accessKeyId } : {}),
  };
}

function clientSideOf(inputs: ReadInputs): ClientSide {
  const claim = inputs.request?.signature;
  const scope = claim?.scope;
  return {
    ...(inputs.canonicalRequest !== undefined ? { canonicalRequest: inputs.canonicalRequest.text } : {}),
    ...(inputs.stringToSign !== undefined ? { stringToSign: inputs.stringToSign } : {}),
    ...(claim !== undefined
      ? {
          signatureKind: claim.kind,
          accessKeyId: claim.accessKeyId,
          ...(scope !== undefined ? { credentialScope: `${scope.date}/${scope.region}/${scope.service}/${scope.terminator}`, signedHeaders: claim.signedHeaders } : {}),
          signature: maskSecret(claim.signature),
        }
      : {}),
  };
}

function collectFindings(inputs: ReadInputs, aws: AwsSide, computedCanonical: string | undefined): Findings {
  const found: Findings[] = [];
  if (inputs.error !== undefined) found.push(causesFromError(inputs.error, inputs.request));
  const awsParts = aws.canonicalRequest !== undefined ? readCanonicalRequest(aws.canonicalRequest) : undefined;
  let agree = false;
  if (awsParts !== undefined && inputs.canonicalRequest !== undefined) {
    const comparison = compareCanonicalRequests(awsParts, inputs.canonicalRequest.parts, inputs.request);
    found.push(comparison);
    agree = comparison.causes.length === 0 && comparison.unexplained.length === 0;
  }
  if (aws.stringToSign !== undefined && inputs.stringToSign !== undefined) {
    const comparison = compareStringsToSign(aws.stringToSign, inputs.stringToSign);
    found.push(comparison);
    agree = (agree || inputs.canonicalRequest === undefined) && comparison.agree;
  }
  if (inputs.request !== undefined) found.push(causesFromRequest(inputs.request));
  if (computedCanonical !== undefined && aws.canonicalRequestSource === 'error' && computedCanonical !== aws.canonicalRequest) {
    found.push({ causes: [], unexplained: ['the request given is not the one AWS received (its canonical request differs from the one in the error): a proxy rewrote it on the way, or the file is not the request as sent'] });
  }
  const all: Findings = { causes: found.flatMap((item) => item.causes), unexplained: found.flatMap((item) => item.unexplained) };
  const signatureRefused = inputs.error === undefined || isSignatureMismatch(inputs.error.code);
  if (agree && signatureRefused && all.causes.length === 0) {
    all.causes.push({
      id: 'secret-key',
      message: 'AWS computed exactly what your code signed, so the signature differs only by its key: check the secret access key (the one paired with this access key id; no trailing newline or space from an .env file) and that it derives the signing key with the scope date, region and service shown.',
    });
  }
  return all;
}

function distinctById(causes: Cause[]): Cause[] {
  const seen = new Set<string>();
  return causes.filter((cause) => {
    if (seen.has(cause.id)) return false;
    seen.add(cause.id);
    return true;
  });
}

function suspectsOf(inputs: ReadInputs, unexplained: string[]): string[] {
  const suspects = [...unexplained];
  const query = inputs.request?.query ?? '';
  const names = query.split('&').filter(Boolean).map((pair) => pair.split('=', 1)[0] ?? '');
  if (names.some((name, index) => index > 0 && name < (names[index - 1] as string)) && inputs.canonicalRequest === undefined) {
    suspects.push('the query is sent unsorted: if your code signs it in written order, that is the cause (unsorted-query); pass --canonical-request to confirm');
  }
  if (inputs.canonicalRequest === undefined && inputs.stringToSign === undefined) {
    suspects.push('what your code signed: pass --canonical-request (or --string-to-sign) with it, to compare it with what AWS computed');
  }
  suspects.push('the secret access key: a wrong one, or one with a trailing newline or space, fails while everything else agrees');
  suspects.push('a proxy, load balancer or HTTP client that changes the request after signing (adds or rewrites headers, re-encodes the path or query)');
  return suspects;
}
