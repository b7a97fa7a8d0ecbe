// Causes that the error code and message name by themselves, those the request shows on its own, and
// those a comparison of the two strings to sign shows.
import { sha256Hex } from './canonical';
import { headerValues } from './request';
import type { AwsErrorDocument, Cause, SentRequest } from './types';

/** What a cause-finding step found: causes, and differences no cause id explains. */
export interface Findings {
  causes: Cause[];
  unexplained: string[];
}

const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SCOPE_MESSAGES = [
  /the region '([^']*)' is wrong; expecting '([^']*)'/,
  /incorrect service "([^"]*)"\. This endpoint belongs to "([^"]*)"/,
  /incorrect terminal "([^"]*)"/,
  /Invalid credential date/,
  /Credential should be scoped/,
  /Date in Credential scope does not match/,
];

/** The codes of "the signature we calculated does not match": XML services, and JSON-protocol ones. */
export function isSignatureMismatch(code: string): boolean {
  return code === 'SignatureDoesNotMatch' || code === 'InvalidSignatureException';
}

/** Causes the error document names by its code and message alone. */
export function causesFromError(error: AwsErrorDocument, request: SentRequest | undefined): Findings {
  const found: Findings = { causes: [], unexplained: [] };
  const cause = causeOfErrorCode(error, request);
  if (cause !== undefined) found.causes.push(cause);
  else if (!isSignatureMismatch(error.code)) found.unexplained.push(`AWS answered ${error.code}: ${error.message}`);
  return found;
}

function causeOfErrorCode(error: AwsErrorDocument, request: SentRequest | undefined): Cause | undefined {
  const { code, message } = error;
  if (code === 'RequestTimeTooSkewed' || /Signature not yet current|Signature expired: .* min\.\)/.test(message)) return clockSkewCause(error);
  if (/Request has expired|^Signature expired: \S+ is now earlier than \S+\.?$/.test(message)) return expiredCause(error);
  if (/X-Amz-Expires must/.test(message)) {
    return { id: 'expired', message: `${message}: presign for at most 604800 seconds (7 days; less with temporary credentials, which end the URL when they expire).` };
  }
  if (SCOPE_MESSAGES.some((pattern) => pattern.test(message))) return scopeCause(message);
  if (/AWS4-HMAC-SHA256|Signature Version [23]/.test(message) || (code === 'IncompleteSignature' && isLegacy(request))) return legacyCause(request, message);
  if (code === 'InvalidToken' || code === 'ExpiredToken' || /security token included in the request is (?:invalid|expired)/.test(message)) return sessionTokenCause(code, request);
  if (code === 'XAmzContentSHA256Mismatch' || /x-amz-content-sha256/.test(message) || error.fields['ArgumentName'] === 'x-amz-content-sha256') {
    const client = error.fields['ClientComputedContentSHA256'];
    const computed = error.fields['S3ComputedContentSHA256'];
    return {
      id: 'payload-hash',
      message:
        client !== undefined && computed !== undefined
          ? `x-amz-content-sha256 says ${client} but the body S3 received hashes to ${computed}: hash the exact bytes you send.`
          : `${message}: send x-amz-content-sha256 with the hex SHA-256 of the body (or UNSIGNED-PAYLOAD) and sign it.`,
    };
  }
  if (/headers present in the request which were not signed/.test(message)) {
    return { id: 'header-canonicalization', message: `S3 requires every x-amz-* header sent to be signed (not signed: ${error.fields['HeadersNotSigned'] ?? 'see the error'}): add them to the canonical headers and SignedHeaders.` };
  }
  return isLegacy(request) && !isSignatureMismatch(code) ? legacyCause(request, message) : undefined;
}

function clockSkewCause(error: AwsErrorDocument): Cause {
  const times = error.requestTime !== undefined && error.serverTime !== undefined ? ` (request time ${error.requestTime}, AWS's time ${error.serverTime})` : '';
  return {
    id: 'clock-skew',
    message: `The request's x-amz-date is too far from AWS's clock${times}: sync the clock (NTP) of the machine that signs, and sign each request just before sending it (S3 allows 15 minutes, most services 5).`,
  };
}

function expiredCause(error: AwsErrorDocument): Cause {
  const when = error.expires !== undefined && error.serverTime !== undefined ? ` (it expired at ${error.expires}; AWS's time was ${error.serverTime})` : '';
  return { id: 'expired', message: `The presigned URL had expired when it was used${when}: presign it closer to its use, or with a longer X-Amz-Expires (at most 7 days).` };
}

function scopeCause(message: string): Cause {
  return { id: 'credential-scope', message: `The credential scope is wrong for this endpoint: ${message.trim()} Sign with the date of x-amz-date, the endpoint's region and the service's signing name (e.g. "ses" for email.*, "s3" for S3).` };
}

function isLegacy(request: SentRequest | undefined): boolean {
  return request?.signature.kind === 'sigv2' || request?.signature.kind === 'sigv3';
}

function legacyCause(request: SentRequest | undefined, message: string): Cause {
  const kind = request?.signature.kind === 'sigv3' ? 'Signature Version 3 (X-Amzn-Authorization: AWS3-HTTPS …)' : request?.signature.kind === 'sigv2' ? 'Signature Version 2' : 'a legacy signature';
  return { id: 'legacy-signature', message: `The request is signed with ${kind}, which AWS refuses (${message.trim()}): sign with AWS4-HMAC-SHA256 (for JavaScript code, npx sigv4-migrate rewrites it).` };
}

function sessionTokenCause(code: string, request: SentRequest | undefined): Cause {
  const claim = request?.signature;
  if (claim !== undefined && claim.accessKeyId.startsWith('ASIA') && claim.sessionToken === undefined) return missingTokenCause();
  if (claim !== undefined && claim.accessKeyId.startsWith('AKIA') && claim.sessionToken !== undefined) return needlessTokenCause();
  return {
    id: 'session-token',
    message: `AWS refused the session token (${code}): send the token that belongs to these temporary credentials, and fetch new ones when they expire.`,
  };
}

function missingTokenCause(): Cause {
  return { id: 'session-token', message: 'The access key is temporary (ASIA…) but the request carries no X-Amz-Security-Token: send the session token, and sign it (as a header, or in the presigned query).' };
}

function needlessTokenCause(): Cause {
  return { id: 'session-token', message: 'The request carries a session token with a long-term access key (AKIA…): drop the token, or use the temporary key it belongs to.' };
}

/** Causes the request shows on its own: legacy signing, headers signed but not sent, scope and host faults. */
export function causesFromRequest(request: SentRequest): Findings {
  const found: Findings = { causes: [], unexplained: [] };
  const claim = request.signature;
  if (claim.kind === 'sigv2' || claim.kind === 'sigv3') found.causes.push(legacyCause(request, claim.kind === 'sigv2' ? 'AWS answers InvalidRequest or AccessDenied' : 'AWS answers InvalidClientTokenId'));
  if (claim.accessKeyId.startsWith('ASIA') && claim.sessionToken === undefined) found.causes.push(missingTokenCause());
  if (claim.scope === undefined) return found;
  for (const name of claim.signedHeaders) {
    const addedByClient = name === 'host' || (name === 'content-length' && request.body !== '');
    if (!addedByClient && headerValues(request.headers, name).length === 0) {
      found.causes.push({ id: 'signed-header-missing', message: `SignedHeaders lists ${name} but the request does not send it: send it with the value that was signed, or leave it out of the signature.` });
    }
  }
  const hostHeader = headerValues(request.headers, 'host')[0]?.trim().toLowerCase();
  const withoutDefaultPort = (host: string): string => host.replace(/:(?:443|80)$/, '');
  if (hostHeader !== undefined && withoutDefaultPort(hostHeader) !== withoutDefaultPort(request.urlHost)) {
    found.causes.push({ id: 'host-mismatch', message: `The Host header (${hostHeader}) is not the URL's host (${request.urlHost}): sign and send the host the request goes to.` });
  }
  const scopeProblem = scopeProblemOf(request);
  if (scopeProblem !== undefined) found.causes.push({ id: 'credential-scope', message: scopeProblem });
  const payloadCause = sentPayloadHashCause(request);
  if (payloadCause !== undefined) found.causes.push(payloadCause);
  return found;
}

function scopeProblemOf(request: SentRequest): string | undefined {
  const { scope, amzDate } = request.signature;
  if (scope === undefined) return undefined;
  if (amzDate !== undefined && scope.date !== amzDate.slice(0, 8)) return `The credential scope's date ${scope.date} is not the day of x-amz-date ${amzDate}: take both from the same timestamp (in UTC).`;
  if (scope.terminator !== 'aws4_request') return `The credential scope ends in "${scope.terminator}": it must end in "aws4_request".`;
  const expected = endpointScope(request.urlHost);
  if (expected?.region !== undefined && expected.region !== scope.region) return `The credential scope says region ${scope.region} but the endpoint ${request.urlHost} is in ${expected.region}: sign for the endpoint's region.`;
  if (expected?.service !== undefined && expected.service !== scope.service) return `The credential scope says service ${scope.service} but ${request.urlHost} is signed as "${expected.service}": use the service's signing name.`;
  return undefined;
}

/** Region and signing name an *.amazonaws.com host implies, as far as its labels tell. */
function endpointScope(host: string): { region?: string; service?: string } | undefined {
  const name = host.replace(/:\d+$/, '');
  if (!name.endsWith('.amazonaws.com')) return undefined;
  const labels = name.split('.').slice(0, -2);
  const region = labels.find((label) => /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/.test(label)) ?? labels.map((label) => /^s3-([a-z]{2}-[a-z]+-\d)$/.exec(label)?.[1]).find(Boolean);
  const isS3 = labels.some((label) => label === 's3' || label.startsWith('s3-'));
  const first = labels[0];
  const service = isS3 ? 's3' : first === 'email' ? 'ses' : first;
  return { ...(region !== undefined ? { region } : {}), ...(service !== undefined ? { service } : {}) };
}

function sentPayloadHashCause(request: SentRequest): Cause | undefined {
  if (request.signature.scope?.service !== 's3' || request.signature.kind !== 'sigv4-header') return undefined;
  const declared = headerValues(request.headers, 'x-amz-content-sha256')[0]?.trim();
  if (declared === undefined) return { id: 'payload-hash', message: 'S3 requires x-amz-content-sha256 with header signing: send it (the body\'s hex SHA-256, or UNSIGNED-PAYLOAD) and sign it.' };
  if (request.body === '' || !/^[\da-f]{64}$/.test(declared) || declared === EMPTY_BODY_SHA256) return undefined;
  const actual = sha256Hex(request.body);
  return actual === declared ? undefined : { id: 'payload-hash', message: `x-amz-content-sha256 says ${declared} but the body in the request hashes to ${actual}: hash the exact bytes you send.` };
}

/** Compares the strings to sign line by line: algorithm, date, scope, canonical request hash. */
export function compareStringsToSign(aws: string, client: string): Findings & { agree: boolean } {
  const awsLines = aws.replace(/\r\n/g, '\n').trimEnd().split('\n');
  const clientLines = client.replace(/\r\n/g, '\n').trimEnd().split('\n');
  const found: Findings & { agree: boolean } = { causes: [], unexplained: [], agree: sameLines(awsLines, clientLines) };
  const [awsAlgorithm, awsDate, awsScope, awsHash] = awsLines;
  const [clientAlgorithm, clientDate, clientScope, clientHash] = clientLines;
  if (awsAlgorithm !== clientAlgorithm) found.unexplained.push(`the string to sign starts with "${clientAlgorithm ?? ''}"; it must start with AWS4-HMAC-SHA256`);
  if (awsDate !== clientDate) found.causes.push({ id: 'header-value-mismatch', message: `Your code signed the time ${clientDate ?? ''} but sent ${awsDate ?? ''} as x-amz-date: sign and send one timestamp.` });
  if (awsScope !== clientScope) found.causes.push({ id: 'credential-scope', message: `AWS's credential scope is ${awsScope ?? ''} but your code signed ${clientScope ?? ''}: sign with the scope the Credential sent names.` });
  if (awsHash !== clientHash) found.unexplained.push('the canonical requests differ (their hashes in the strings to sign do): pass --canonical-request with what your code signed to see where');
  return found;
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}
