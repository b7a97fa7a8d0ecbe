// Checks a received request's AWS Signature Version 4 the way AWS does, recomputing it with @smithy/signature-v4.
import { createHash } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { ALGORITHM_IDENTIFIER, SignatureV4, getCanonicalHeaders } from '@smithy/signature-v4';

export interface KnownCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests with this key must carry exactly this x-amz-security-token. */
  sessionToken?: string;
}

/** A request exactly as it came off the wire. */
export interface ReceivedRequest {
  method: string;
  /** The request target as received: raw path and query, percent-encoding untouched. */
  target: string;
  /** Node's `rawHeaders`: names and values alternating, repeated headers kept. */
  rawHeaders: readonly string[];
  body: Uint8Array;
}

export interface VerificationPolicy {
  credentials: readonly KnownCredential[];
  region: string;
  /** Service names accepted in the credential scope. */
  services: readonly string[];
  /**
   * S3's rules: the path is signed encoded once and not normalised, x-amz-content-sha256 is required
   * with header signing and checked against the body, and every x-amz-* header must be signed.
   */
  s3: boolean;
  /** How far a header-signed request's date may be from the server's clock. */
  maxSkewMs: number;
  now: () => Date;
}

export type AuthMechanism = 'header' | 'query';
export type ScopePart = 'date' | 'region' | 'service' | 'terminator';

export type VerificationFailure =
  | { reason: 'unsigned' }
  | { reason: 'legacy-signature'; version: 2 | 3 }
  | { reason: 'unsupported-authorization'; authorization: string }
  | { reason: 'multiple-mechanisms' }
  | { reason: 'invalid-uri' }
  | { reason: 'malformed'; mechanism: AuthMechanism; detail: string }
  | { reason: 'wrong-scope'; mechanism: AuthMechanism; part: ScopePart; received: string; expected: string }
  | { reason: 'unknown-access-key'; accessKeyId: string }
  | { reason: 'invalid-token'; accessKeyId: string }
  | { reason: 'missing-date' }
  | { reason: 'request-time-too-skewed'; requestTime: Date; serverTime: Date }
  | { reason: 'expires-out-of-range'; expires: string }
  | { reason: 'expired'; expires: string; expiresAt: Date; serverTime: Date }
  | { reason: 'missing-content-sha256' }
  | { reason: 'invalid-content-sha256'; value: string }
  | { reason: 'headers-not-signed'; headers: string[] }
  | {
      reason: 'signature-mismatch';
      accessKeyId: string;
      canonicalRequest: string;
      stringToSign: string;
      signatureProvided: string;
    }
  | { reason: 'content-sha256-mismatch'; clientComputed: string; serverComputed: string };

export type Verdict =
  | { ok: true; accessKeyId: string; mechanism: AuthMechanism; service: string }
  | { ok: false; failure: VerificationFailure };

/** What a request claims about its own signature, before anything is checked. */
interface SignatureClaim {
  mechanism: AuthMechanism;
  accessKeyId: string;
  scope: { date: string; region: string; service: string; terminator: string };
  signedHeaders: string[];
  signature: string;
  /** The request time as it enters the string to sign (ISO 8601 basic). */
  amzDate: string;
  signedAt: Date;
  /** X-Amz-Expires as received (presigned URLs only). */
  expires?: string;
}

type Query = Record<string, string | string[]>;

const EMPTY_BODY_SHA256 = createHash('sha256').digest('hex');
const SHA256_HEX = /^[0-9a-f]{64}$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const MAX_EXPIRES_SECONDS = 604_800;
const PRESIGN_PARAMETERS = ['X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'];

/** Verifies `request` against `policy`: the first failure AWS would report, or who signed it. */
export async function verifySigV4(request: ReceivedRequest, policy: VerificationPolicy): Promise<Verdict> {
  const { path, rawQuery } = splitTarget(request.target);
  const query = parseQuery(rawQuery);
  const headers = collectHeaders(request.rawHeaders);
  if (query === undefined) return refuse({ reason: 'invalid-uri' });

  const claim = readSignatureClaim(headers, query);
  if ('reason' in claim) return refuse(claim);

  const credential = policy.credentials.find((known) => known.accessKeyId === claim.accessKeyId);
  if (credential === undefined) return refuse({ reason: 'unknown-access-key', accessKeyId: claim.accessKeyId });

  const failure =
    checkScope(claim, policy) ??
    checkTime(claim, policy) ??
    checkSessionToken(credential, headers, query) ??
    checkContentSha256Header(claim, headers, policy) ??
    checkHeadersSigned(claim, headers, policy);
  if (failure !== undefined) return refuse(failure);

  const canonicalPath = canonicalPathOf(path, policy.s3);
  if (canonicalPath === undefined) return refuse({ reason: 'invalid-uri' });
  const payloadHash = payloadHashOf(claim, headers, query, request.body, policy.s3);
  const recomputed = await recomputeSignature(
    { method: request.method, path: canonicalPath, query, headers, payloadHash },
    claim,
    credential,
    policy.s3,
  );
  if (recomputed.signature !== claim.signature.toLowerCase()) {
    return refuse({
      reason: 'signature-mismatch',
      accessKeyId: claim.accessKeyId,
      canonicalRequest: recomputed.canonicalRequest,
      stringToSign: recomputed.stringToSign,
      signatureProvided: claim.signature,
    });
  }

  const bodyFailure = checkBodyAgainstPayloadHash(payloadHash, request.body);
  if (bodyFailure !== undefined) return refuse(bodyFailure);
  return { ok: true, accessKeyId: claim.accessKeyId, mechanism: claim.mechanism, service: claim.scope.service };
}

/** ISO 8601 basic format, as in x-amz-date. */
export function toAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Lower-case hex SHA-256 of a body, as x-amz-content-sha256 carries it. */
export function sha256Hex(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

function refuse(failure: VerificationFailure): Verdict {
  return { ok: false, failure };
}

function splitTarget(target: string): { path: string; rawQuery: string } {
  const queryStart = target.indexOf('?');
  return queryStart === -1
    ? { path: target, rawQuery: '' }
    : { path: target.slice(0, queryStart), rawQuery: target.slice(queryStart + 1) };
}

/** Decoded query parameters, repeats kept in order; undefined when the percent-encoding is broken. */
function parseQuery(rawQuery: string): Query | undefined {
  const query: Query = Object.create(null) as Query;
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = decodeComponent(equals === -1 ? '' : pair.slice(equals + 1));
    if (name === undefined || value === undefined) return undefined;
    const previous = query[name];
    query[name] = previous === undefined ? value : [...[previous].flat(), value];
  }
  return query;
}

function decodeComponent(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function firstValue(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Header values by lower-case name; repeated headers joined with ',' as SigV4 canonicalises them. */
function collectHeaders(rawHeaders: readonly string[]): Map<string, string> {
  const values = new Map<string, string[]>();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = (rawHeaders[index + 1] ?? '').trim();
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return new Map([...values].map(([name, list]) => [name, list.join(',')]));
}

function readSignatureClaim(headers: Map<string, string>, query: Query): SignatureClaim | VerificationFailure {
  const authorization = headers.get('authorization');
  const presigned = query['X-Amz-Algorithm'] !== undefined;
  if (authorization !== undefined && presigned) return { reason: 'multiple-mechanisms' };
  if (authorization !== undefined) return readAuthorizationHeader(authorization, headers);
  if (presigned) return readPresignedQuery(query);
  if (query['Signature'] !== undefined && (query['AWSAccessKeyId'] !== undefined || query['Expires'] !== undefined)) {
    return { reason: 'legacy-signature', version: 2 };
  }
  if (headers.get('x-amzn-authorization')?.startsWith('AWS3') === true) {
    return { reason: 'legacy-signature', version: 3 };
  }
  return { reason: 'unsigned' };
}

function readAuthorizationHeader(authorization: string, headers: Map<string, string>): SignatureClaim | VerificationFailure {
  const [scheme = '', ...rest] = authorization.split(' ');
  if (scheme === 'AWS') return { reason: 'legacy-signature', version: 2 };
  if (scheme !== ALGORITHM_IDENTIFIER) return { reason: 'unsupported-authorization', authorization };

  const components = new Map(
    rest
      .join('')
      .split(',')
      .map((component) => {
        const equals = component.indexOf('=');
        return [component.slice(0, equals).trim(), component.slice(equals + 1).trim()] as const;
      }),
  );
  const credential = components.get('Credential');
  const signedHeaders = components.get('SignedHeaders');
  const signature = components.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    return {
      reason: 'malformed',
      mechanism: 'header',
      detail: 'the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    };
  }
  const date = readHeaderDate(headers);
  if (date === undefined) return { reason: 'missing-date' };
  return buildClaim('header', credential, signedHeaders, signature, date);
}

/** x-amz-date, or failing that an HTTP Date header, as SigV4 allows. */
function readHeaderDate(headers: Map<string, string>): { amzDate: string; signedAt: Date } | undefined {
  const amzDate = headers.get('x-amz-date');
  if (amzDate !== undefined) {
    const signedAt = parseAmzDate(amzDate);
    return signedAt === undefined ? undefined : { amzDate, signedAt };
  }
  const httpDate = headers.get('date');
  if (httpDate === undefined) return undefined;
  const signedAt = new Date(httpDate);
  return Number.isNaN(signedAt.getTime()) ? undefined : { amzDate: toAmzDate(signedAt), signedAt };
}

function readPresignedQuery(query: Query): SignatureClaim | VerificationFailure {
  if (firstValue(query, 'X-Amz-Algorithm') !== ALGORITHM_IDENTIFIER) {
    return { reason: 'malformed', mechanism: 'query', detail: 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"' };
  }
  const missing = PRESIGN_PARAMETERS.filter((name) => query[name] === undefined);
  if (missing.length > 0) {
    return {
      reason: 'malformed',
      mechanism: 'query',
      detail: `Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.`,
    };
  }
  const amzDate = firstValue(query, 'X-Amz-Date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) {
    return { reason: 'malformed', mechanism: 'query', detail: `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"` };
  }
  const claim = buildClaim(
    'query',
    firstValue(query, 'X-Amz-Credential') ?? '',
    firstValue(query, 'X-Amz-SignedHeaders') ?? '',
    firstValue(query, 'X-Amz-Signature') ?? '',
    { amzDate, signedAt },
  );
  return 'reason' in claim ? claim : { ...claim, expires: firstValue(query, 'X-Amz-Expires') ?? '' };
}

function buildClaim(
  mechanism: AuthMechanism,
  credential: string,
  signedHeaders: string,
  signature: string,
  date: { amzDate: string; signedAt: Date },
): SignatureClaim | VerificationFailure {
  const parts = credential.split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = parts;
  if (parts.length !== 5 || accessKeyId === undefined || scopeDate === undefined || region === undefined || service === undefined || terminator === undefined) {
    return {
      reason: 'malformed',
      mechanism,
      detail: `the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
    };
  }
  return {
    mechanism,
    accessKeyId,
    scope: { date: scopeDate, region, service, terminator },
    signedHeaders: signedHeaders.split(';').filter((name) => name !== ''),
    signature,
    ...date,
  };
}

function parseAmzDate(text: string): Date | undefined {
  const match = AMZ_DATE.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function checkScope(claim: SignatureClaim, policy: VerificationPolicy): VerificationFailure | undefined {
  const { scope, mechanism } = claim;
  const expectedDate = claim.amzDate.slice(0, 8);
  if (scope.date !== expectedDate) {
    return { reason: 'wrong-scope', mechanism, part: 'date', received: scope.date, expected: expectedDate };
  }
  if (scope.region !== policy.region) {
    return { reason: 'wrong-scope', mechanism, part: 'region', received: scope.region, expected: policy.region };
  }
  if (!policy.services.includes(scope.service)) {
    return { reason: 'wrong-scope', mechanism, part: 'service', received: scope.service, expected: policy.services[0] ?? '' };
  }
  if (scope.terminator !== 'aws4_request') {
    return { reason: 'wrong-scope', mechanism, part: 'terminator', received: scope.terminator, expected: 'aws4_request' };
  }
  return undefined;
}

function checkTime(claim: SignatureClaim, policy: VerificationPolicy): VerificationFailure | undefined {
  const serverTime = policy.now();
  if (claim.expires === undefined) {
    const skew = Math.abs(serverTime.getTime() - claim.signedAt.getTime());
    return skew > policy.maxSkewMs ? { reason: 'request-time-too-skewed', requestTime: claim.signedAt, serverTime } : undefined;
  }
  const expiresIn = /^\d+$/.test(claim.expires) ? Number(claim.expires) : Number.NaN;
  if (!(expiresIn >= 1 && expiresIn <= MAX_EXPIRES_SECONDS)) return { reason: 'expires-out-of-range', expires: claim.expires };
  const expiresAt = new Date(claim.signedAt.getTime() + expiresIn * 1000);
  return serverTime.getTime() > expiresAt.getTime() ? { reason: 'expired', expires: claim.expires, expiresAt, serverTime } : undefined;
}

function checkSessionToken(credential: KnownCredential, headers: Map<string, string>, query: Query): VerificationFailure | undefined {
  const provided = headers.get('x-amz-security-token') ?? firstValue(query, 'X-Amz-Security-Token');
  return provided === credential.sessionToken ? undefined : { reason: 'invalid-token', accessKeyId: credential.accessKeyId };
}

function checkContentSha256Header(claim: SignatureClaim, headers: Map<string, string>, policy: VerificationPolicy): VerificationFailure | undefined {
  if (!policy.s3 || claim.mechanism !== 'header') return undefined;
  const value = headers.get('x-amz-content-sha256');
  if (value === undefined) return { reason: 'missing-content-sha256' };
  return isKnownPayloadHash(value) ? undefined : { reason: 'invalid-content-sha256', value };
}

function isKnownPayloadHash(value: string): boolean {
  return value === 'UNSIGNED-PAYLOAD' || value.startsWith('STREAMING-') || SHA256_HEX.test(value);
}

/** AWS requires host signed, and S3 every x-amz-* header the request carries. */
function checkHeadersSigned(claim: SignatureClaim, headers: Map<string, string>, policy: VerificationPolicy): VerificationFailure | undefined {
  const mustBeSigned = [...headers.keys()].filter((name) => name === 'host' || (policy.s3 && name.startsWith('x-amz-')));
  const notSigned = mustBeSigned.filter((name) => !claim.signedHeaders.includes(name));
  return notSigned.length > 0 ? { reason: 'headers-not-signed', headers: notSigned } : undefined;
}

/**
 * S3 signs the URI-encoded path once, without normalising: the server decodes what it received and
 * encodes it again, so `'` sent raw and signed as `%27` still matches. Other services sign the path as
 * received and let the signer normalise it and encode it a second time (smithy's `uriEscapePath`).
 */
function canonicalPathOf(path: string, s3: boolean): string | undefined {
  if (!s3) return path;
  const segments = path.split('/').map(decodeComponent);
  if (segments.some((segment) => segment === undefined)) return undefined;
  return segments.map((segment) => uriEncode(segment ?? '')).join('/');
}

/** SigV4's UriEncode: everything but A-Z a-z 0-9 - . _ ~ percent-encoded, upper-case hex. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The payload hash the canonical request ends with. S3 takes the client's word (the header, or the
 * query for presigned URLs, else UNSIGNED-PAYLOAD) and then checks it against the body; other services
 * hash the body they received.
 */
function payloadHashOf(claim: SignatureClaim, headers: Map<string, string>, query: Query, body: Uint8Array, s3: boolean): string {
  if (!s3) return body.byteLength === 0 ? EMPTY_BODY_SHA256 : sha256Hex(body);
  if (claim.mechanism === 'header') return headers.get('x-amz-content-sha256') ?? '';
  return firstValue(query, 'X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
}

function checkBodyAgainstPayloadHash(payloadHash: string, body: Uint8Array): VerificationFailure | undefined {
  if (!SHA256_HEX.test(payloadHash)) return undefined;
  const serverComputed = sha256Hex(body);
  return serverComputed === payloadHash ? undefined : { reason: 'content-sha256-mismatch', clientComputed: payloadHash, serverComputed };
}

/**
 * smithy's public `sign`/`presign` rebuild a request (fresh x-amz-date, the Date header dropped,
 * headers hoisted, its own X-Amz-* parameters), so they cannot recompute a signature that arrived:
 * this subclass reaches smithy's own canonical-request and string-to-sign steps instead.
 */
class ReceivedRequestSigner extends SignatureV4 {
  canonicalRequestOf(request: HttpRequest, canonicalHeaders: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }

  stringToSignOf(amzDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(amzDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
  }
}

async function recomputeSignature(
  request: { method: string; path: string; query: Query; headers: Map<string, string>; payloadHash: string },
  claim: SignatureClaim,
  credential: KnownCredential,
  s3: boolean,
): Promise<{ canonicalRequest: string; stringToSign: string; signature: string }> {
  const signer = new ReceivedRequestSigner({
    service: claim.scope.service,
    region: claim.scope.region,
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: !s3,
    applyChecksum: s3,
  });
  const namedHeaders: Record<string, string> = Object.create(null) as Record<string, string>;
  // A header named in SignedHeaders but absent is signed empty, so the mismatch shows in the canonical request.
  for (const name of claim.signedHeaders) namedHeaders[name] = request.headers.get(name) ?? '';
  const httpRequest = new HttpRequest({ method: request.method, path: request.path, query: request.query, headers: namedHeaders });
  const canonicalHeaders = getCanonicalHeaders(httpRequest, undefined, new Set(claim.signedHeaders));
  const canonicalRequest = signer.canonicalRequestOf(httpRequest, canonicalHeaders, request.payloadHash);
  const scope = `${claim.scope.date}/${claim.scope.region}/${claim.scope.service}/${claim.scope.terminator}`;
  const stringToSign = await signer.stringToSignOf(claim.amzDate, scope, canonicalRequest);
  const signature = await signer.sign(stringToSign, {
    signingDate: claim.signedAt,
    signingRegion: claim.scope.region,
    signingService: claim.scope.service,
  });
  return { canonicalRequest, stringToSign, signature };
}
