// AWS Signature Version 4: header signing and URL presigning in one dependency-free file (vendored verbatim).

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** When the credentials stop working, as the AWS SDKs' credential providers report it: presigned URLs cannot outlive it. */
  expiration?: Date;
}

export interface SigningOptions {
  service: string;
  region: string;
  credentials: Credentials;
  /** Signing time; default: now. */
  date?: Date;
  /** Drop '.', '..' and empty path segments; default true, except for 's3'. */
  normalizePath?: boolean;
  /** URI-encode the path once more (AWS "double encoding"); default true, except for 's3'. */
  encodePath?: boolean;
  /** Header signing only: add and sign x-amz-content-sha256; default true for 's3'. */
  signPayload?: boolean;
  /** Sign UNSIGNED-PAYLOAD instead of the body hash; default true when presigning for 's3'. */
  unsignedPayload?: boolean;
  /** Add the session token after signing, leaving it out of the signature. */
  omitSessionTokenFromSignature?: boolean;
}

export interface PresignOptions extends SigningOptions {
  /** Seconds the URL stays valid: 1 to 604800 (7 days), and no longer than credentials.expiration leaves. */
  expiresIn: number;
  /** Shorten an expiresIn that outlives credentials.expiration instead of refusing it; the result's expiresIn says so. */
  clampToCredentialExpiration?: boolean;
}

/** A URL object or anything else with an absolute `href`. */
export interface URLLike {
  readonly href: string;
}

/** A fetch Headers object, a Map, or anything else that lists name/value pairs the same way. */
export interface HeadersLike {
  forEach(callback: (value: string | string[], name: string) => void): void;
}

export interface RequestToSign {
  /** An HTTP token, e.g. GET; upper-cased. */
  method: string;
  /**
   * Absolute. A string is signed as fetch sends it: space, non-ASCII and "<>`{} percent-encoded, \ as /, but dot
   * segments kept as written. A URL object (or anything with an href) is taken as already serialised: its href as sent.
   */
  url: string | URLLike;
  headers?: Record<string, string | string[]> | HeadersLike;
  body?: string | Uint8Array;
}

export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export interface PresignedUrl {
  url: string;
  /** The X-Amz-Expires signed: the expiresIn asked for, or less where clamped to credentials.expiration. */
  expiresIn: number;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

/** URLSearchParams or anything else that lists decoded name/value pairs the same way. */
export interface URLSearchParamsLike {
  forEach(callback: (value: string, name: string) => void): void;
}

export type QueryParams = string | URLSearchParamsLike | Record<string, string | string[]>;

// The few node:crypto and WebCrypto members used, typed here so the file needs no @types/node or DOM lib.
interface NodeCrypto {
  hash(algorithm: 'sha256', data: string | Uint8Array, encoding: 'hex' | 'latin1'): string;
  createHmac(algorithm: 'sha256', key: string | Uint8Array): {
    update(data: string): { digest(): Uint8Array; digest(encoding: 'hex'): string };
  };
}
interface SubtleCryptoLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  importKey(format: 'raw', key: Uint8Array | ArrayBuffer, algorithm: { name: 'HMAC'; hash: 'SHA-256' }, extractable: false, usages: ['sign']): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

interface HeaderEntry {
  name: string;
  canonical: string;
  sent: string;
}

interface ParsedUrl {
  text: string;
  /** The URL up to its query: the presigned URL is rebuilt from it. */
  base: string;
  host: string;
  path: string;
  /** A string URL, whose path fetch may still encode; an href is already serialised. */
  raw: boolean;
  query: string | undefined;
  fragment: string;
}

// Everything signing needs once inputs are checked; nothing here is returned to the caller.
interface SigningJob {
  method: string;
  url: ParsedUrl;
  headers: HeaderEntry[];
  accessKeyId: string;
  secret: string;
  amzDate: string;
  scope: string;
  normalizePath: boolean;
  encodePath: boolean;
  body: string | Uint8Array | undefined;
  payloadHash: string | undefined;
  presignParams: string[] | undefined;
  expiresIn: number;
  tokenAfterSigning: boolean;
  signedHeaders: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const TOKEN_PARAM = 'X-Amz-Security-Token=';
const MAX_EXPIRES_SECONDS = 604800;
const KEY_CACHE_LIMIT = 64;
const UNRESERVED_ONLY = /^[\w.~-]*$/;
const PATH_UNRESERVED_ONLY = /^[\w.~/-]*$/;
const CANONICAL_QUERY = /^[\w.~-]*=[\w.~-]*(?:&[\w.~-]*=[\w.~-]*)*$/;
// Hop-by-hop and client-controlled headers that proxies and browsers rewrite; the AWS SDKs never sign them.
const UNSIGNABLE_HEADER = /^(?:authorization|cache-control|connection|expect|from|keep-alive|max-forwards|pragma|referer|te|trailer|transfer-encoding|upgrade|user-agent|x-amzn-trace-id|proxy-.*|sec-.*)$/;
// An HTTP token (RFC 9110): header names and methods.
const TOKEN = /^[!#$%&'*+.^`|~\w-]+$/;
// What a credential scope part may hold: anything else (a '/' above all) would split the scope wrongly.
const SCOPE_PART = /^[a-z\d-]+$/;
// A lone surrogate has no UTF-8 form: encodeURIComponent throws on it, hashing turns it into U+FFFD.
const LONE_SURROGATE = /\p{Cs}/u;
// A line break or NUL would end the header or line the text is sent in; what is signed would not be what is sent.
const UNSAFE_TEXT = /[\0\n\r]|\p{Cs}/u;
// Text without ASCII controls or lone surrogates, written without control escapes (for no-control-regex).
const PRINTABLE_TEXT = /^(?:[ -~\x80-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])*$/;
// The auth parameters a presign writes: a caller's own are replaced, not sent twice.
const AUTH_PARAM = /^X-Amz-(?:Algorithm|Credential|Date|Expires|SignedHeaders|Signature|Security-Token)$/;

function fail(field: string, problem: string): never {
  throw new TypeError(`sigv4: ${field} ${problem}`);
}

/** A non-empty string that matches `allowed`, or by default holds no CR, LF, NUL or lone surrogate. */
function requireText(value: unknown, field: string, allowed?: RegExp): string {
  if (typeof value !== 'string' || value === '') fail(field, 'must be a non-empty string');
  if (allowed ? !allowed.test(value) : UNSAFE_TEXT.test(value)) fail(field, allowed ? `must match ${allowed}` : 'must not hold CR, LF, NUL or a lone surrogate');
  return value;
}

function requireFlag(value: unknown, name: string, fallback: boolean): boolean {
  return value === undefined ? fallback : typeof value === 'boolean' ? value : fail(name, 'must be a boolean');
}

/** requireText, skipped when the value is the one last checked: most calls repeat the last scope and key id. */
function requireTextOnce(value: unknown, last: string, field: string, allowed?: RegExp): string {
  return value === last && last !== '' ? last : requireText(value, field, allowed);
}

/** Milliseconds since the epoch of a valid Date in years 0-9999 (one from another realm too). */
function requireTime(value: unknown, field: string): number {
  const time = tryOr(() => Date.prototype.getTime.call(value) as number, NaN);
  return time >= -62167219200000 && time < 253402300800000 ? time : fail(field, 'must be a valid Date');
}

// Built-ins throw on objects that only look like a Date or a byte view (a bare prototype, a proxy); such an object
// is then refused by name rather than with the built-in's own error.
function tryOr<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** RFC 3986 encoding of a decoded string: everything but A-Z a-z 0-9 - . _ ~ as UTF-8 %XX. */
function encodeRfc3986(text: string): string {
  return UNRESERVED_ONLY.test(text) ? text : encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The canonical form of a query name or value as written on the wire: %XX kept (unreserved ones decoded), the rest encoded. */
function canonicalWireComponent(text: string): string {
  if (UNRESERVED_ONLY.test(text)) return text;
  return text.replace(/%([\da-fA-F]{2})|[^\w.~%-]+|%/g, (match, hex: string | undefined) => {
    if (hex === undefined) return match === '%' ? '%25' : encodeRfc3986(match);
    const decoded = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED_ONLY.test(decoded) ? decoded : '%' + hex.toUpperCase();
  });
}

// Canonical pairs are kept as "name=value" text. Names and values never hold a raw '=' or '&' (they are encoded),
// so ranking the pair's end ('&' or the end of the text) lowest, then '=', orders pairs by name, then by value,
// without splitting them again: in place inside a query string too, from offsets i and j.
function pairRank(code: number): number {
  // charCodeAt gives NaN past the end, the only value not equal to itself.
  return code === 61 ? 0 : code === 38 || code !== code ? -1 : code;
}

function comparePairs(a: string, b: string, i = 0, j = 0): number {
  for (;;) {
    const x = pairRank(a.charCodeAt(i++));
    const y = pairRank(b.charCodeAt(j++));
    if (x !== y || x < 0) return x - y;
  }
}

function joinPairs(pairs: string[]): string {
  return pairs.sort(comparePairs).join('&');
}

function wireName(part: string): string {
  const eq = part.indexOf('=');
  return canonicalWireComponent(eq < 0 ? part : part.slice(0, eq));
}

function wirePairs(query: string, pairs: string[]): string[] {
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(wireName(part) + '=' + (eq < 0 ? '' : canonicalWireComponent(part.slice(eq + 1))));
  }
  return pairs;
}

/** The canonical form of a query string as sent on the wire; one already canonical (unreserved, in order) is kept. */
function canonicalWireQuery(query: string): string {
  if (CANONICAL_QUERY.test(query)) {
    let start = 0;
    let amp = query.indexOf('&');
    while (amp >= 0 && comparePairs(query, query, start, amp + 1) <= 0) amp = query.indexOf('&', (start = amp + 1));
    if (amp < 0) return query;
  }
  return joinPairs(wirePairs(query, []));
}

/** One decoded name/value pair, encoded; values may be strings, numbers, booleans or bigints. */
function encodedPair(name: string, value: unknown, field: string): string {
  const text = /^(?:st|n|b)/.test(typeof value) ? String(value) : fail(field, 'must be a string, a number, a boolean or a list of them');
  if (LONE_SURROGATE.test(name) || LONE_SURROGATE.test(text)) fail(field, 'must not hold a lone surrogate');
  return encodeRfc3986(name) + '=' + encodeRfc3986(text);
}

/** The SigV4 canonical query string: names and values RFC 3986-encoded, sorted by name, then value. */
export function canonicalQueryString(params: QueryParams): string {
  if (typeof params === 'string') {
    if (!PRINTABLE_TEXT.test(params)) fail('params', 'must not hold control characters or a lone surrogate');
    return canonicalWireQuery(params[0] === '?' ? params.slice(1) : params);
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params)) fail('params', 'must be a string, URLSearchParams or an object');
  const pairs: string[] = [];
  if (typeof params.forEach === 'function') {
    (params as URLSearchParamsLike).forEach((value, name) => pairs.push(encodedPair(String(name), value, 'params')));
    return joinPairs(pairs);
  }
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) pairs.push(encodedPair(name, item, `params["${name}"]`));
  }
  return joinPairs(pairs);
}

// scheme://host[:port] path ?query #fragment. The host is a plain name, or anything WHATWG URL may turn into one;
// every part is printable text (as PRINTABLE_TEXT) without the delimiters that end it.
const URL_PATTERN =
  /^([a-z][\w+.-]*):\/\/(?:([\w.-]+)|((?:[!"$-.\d;->A-Z^-~\x80-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])+|\[[\da-f:.]+\]))(?::(\d*))?(\/(?:[ -"$->@-~\x80-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])*)?(?:\?((?:[ -"$-~\x80-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])*))?(#(?:[ -~\x80-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])*)?$/i;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };
// Characters fetch (the WHATWG URL parser) percent-encodes in a path, and '\', which it reads as '/'.
const WIRE_ENCODED_IN_PATH = /(?:[^!-~]|["<>`{}])+|\\/g;

/** The host as clients send it: an IDN (or any host but a plain ASCII name) in the ASCII form WHATWG URL gives. */
function asciiHost(host: string): string {
  if (host[0] === '[') return host.toLowerCase();
  try {
    return new (globalThis as unknown as { URL: new (url: string) => { hostname: string } }).URL('http://' + host).hostname;
  } catch {
    return fail('url', 'has an invalid host');
  }
}

function parseUrl(url: string | URLLike): ParsedUrl {
  // A string loses leading and trailing spaces, as fetch (WHATWG URL) drops them.
  const text = typeof url === 'string' ? (url[0] === ' ' || url.endsWith(' ') ? url.replace(/^ +| +$/g, '') : url) : typeof url?.href === 'string' ? url.href : fail('url', 'must be a string or a URL');
  const match = URL_PATTERN.exec(text);
  if (!match) fail('url', text.includes('://') ? 'is malformed, or holds a control character or a lone surrogate' : 'must be absolute');
  const query = match[6];
  const fragment = match[7] ?? '';
  // Leading zeros dropped, as clients send it; '' is no port.
  const port = match[4] ? String(+match[4]) : '';
  if (+port > 65535) fail('url', 'must have a port from 0 to 65535');
  const host = (match[2] ? match[2].toLowerCase() : asciiHost(match[3] as string)) + (port && port !== DEFAULT_PORTS[(match[1] as string).toLowerCase()] ? ':' + port : '');
  const base = text.slice(0, text.length - fragment.length - (query === undefined ? 0 : query.length + 1));
  return { text, base, host, path: match[5] || '/', raw: typeof url === 'string', query, fragment };
}

function removeDotSegments(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return (path.startsWith('/') ? '/' : '') + segments.join('/') + trailing;
}

// A literal regular expression is a new object each time it is evaluated: these two are made once.
const EMPTY_OR_DOT_SEGMENT = /\/\/|\/\./;
const NOTHING = /$^/;

function canonicalPath({ path, raw }: ParsedUrl, normalize: boolean, encode: boolean): string {
  const dots = normalize ? EMPTY_OR_DOT_SEGMENT : NOTHING;
  if (PATH_UNRESERVED_ONLY.test(path)) return dots.test(path) ? removeDotSegments(path) : path;
  // A string URL's path as fetch sends it.
  const wire = raw ? path.replace(WIRE_ENCODED_IN_PATH, (run) => (run === '\\' ? '/' : encodeURI(run))) : path;
  const clean = dots.test(wire) ? removeDotSegments(wire) : wire;
  // Double encoding: the wire path, '%' included, is encoded as if it were plain text.
  if (encode) return encodeRfc3986(clean).replace(/%2F/g, '/');
  // S3: the path is signed as sent; only characters that are not valid on the wire get encoded.
  return clean.replace(/%(?![\da-fA-F]{2})|[^\w.~/%-]+/g, (match) => (match === '%' ? '%25' : encodeRfc3986(match)));
}

// Sequential spaces and tabs fold to one space, as AWS canonicalises header values (line breaks are refused).
function canonicalHeaderValue(value: string): string {
  return /\t| {2}|^ | $/.test(value) ? value.replace(/[ \t]+/g, ' ').replace(/^ | $/g, '') : value;
}

/** Inserts a header in name order, so the canonical headers need no sort; a repeated name's values are merged. */
function addHeader(entries: HeaderEntry[], name: string, canonical: string, sent = canonical): void {
  let at = entries.length;
  while (at > 0 && (entries[at - 1] as HeaderEntry).name > name) at--;
  const before = entries[at - 1];
  if (before?.name === name) {
    before.canonical = before.sent = before.canonical + ',' + canonical;
    return;
  }
  for (let i = entries.length; i > at; i--) entries[i] = entries[i - 1] as HeaderEntry;
  entries[at] = { name, canonical, sent };
}

/** One given value, checked and canonicalised. */
function canonicalGivenValue(value: unknown, key: string): string {
  if (typeof value !== 'string' || UNSAFE_TEXT.test(value)) fail(`headers["${key}"]`, 'must be a string or string[] without CR, LF, NUL or a lone surrogate');
  return canonicalHeaderValue(value);
}

/** Adds one given header, unless it is one the signer writes itself. */
function addGivenHeader(entries: HeaderEntry[], value: unknown, key: string, presign: boolean, hasToken: boolean): void {
  const name = key.toLowerCase();
  if (!TOKEN.test(name)) fail(`headers["${key}"]`, 'is not a header name');
  if (name === 'authorization' || (!presign && (name === 'x-amz-date' || (hasToken && name === 'x-amz-security-token')))) return;
  const canonical = Array.isArray(value) ? value.map((item) => canonicalGivenValue(item, key)).join(',') : canonicalGivenValue(value, key);
  addHeader(entries, name, canonical, typeof value === 'string' ? value : canonical);
}

/** Lower-cased names in order, duplicates (in any case) merged; names the signer generates itself are left out. */
function collectHeaders(headers: RequestToSign['headers'], presign: boolean, hasToken: boolean): HeaderEntry[] {
  const entries: HeaderEntry[] = [];
  if (headers == null) return entries;
  if (typeof headers !== 'object' || Array.isArray(headers)) fail('headers', 'must be an object, a Map or Headers');
  if (typeof headers.forEach === 'function') (headers as HeadersLike).forEach((value, key) => addGivenHeader(entries, value, String(key), presign, hasToken));
  else for (const key of Object.keys(headers)) addGivenHeader(entries, (headers as Record<string, unknown>)[key], key, presign, hasToken);
  return entries;
}

let cachedSecond = NaN;
let cachedAmzDate = '';

// Formatting a date costs more than hashing a short string, so the last second's text is reused.
function formatAmzDate(time: number): string {
  const second = Math.floor(time / 1000);
  if (second !== cachedSecond) {
    cachedAmzDate = new Date(second * 1000).toISOString().replace(/[-:]|\.\d+/g, '');
    cachedSecond = second;
  }
  return cachedAmzDate;
}

let lastScope = { amzDate: '', region: '', service: '', scope: '', encoded: '' };

// The same scope string object for the same day, region and service: the signing-key cache then compares pointers.
function credentialScope(amzDate: string, region: string, service: string): string {
  if (lastScope.amzDate !== amzDate || lastScope.region !== region || lastScope.service !== service) {
    const scope = `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;
    lastScope = { amzDate, region, service, scope, encoded: encodeRfc3986(scope) };
  }
  return lastScope.scope;
}

/** A string, or any view of bytes (from another realm too) as a Uint8Array. */
function requireBody(body: unknown): string | Uint8Array | undefined {
  if (body == null || typeof body === 'string') return body ?? undefined;
  const bytes = tryOr(() => (ArrayBuffer.isView(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : undefined), undefined);
  return bytes ?? fail('body', 'must be a string or a Uint8Array');
}

function checkExpiresIn(expiresIn: unknown): number {
  if (typeof expiresIn !== 'number') fail('expiresIn', 'must be a number');
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRES_SECONDS) {
    throw new RangeError(`sigv4: expiresIn must be whole seconds from 1 to ${MAX_EXPIRES_SECONDS} (7 days, the SigV4 limit)`);
  }
  return expiresIn;
}

/** expiresIn, checked against the credentials' expiration: refused if it outlives them, or clamped when asked. */
function presignExpiresIn(opts: PresignOptions, expiration: unknown, time: number): number {
  const expiresIn = checkExpiresIn(opts.expiresIn);
  const clamp = requireFlag(opts.clampToCredentialExpiration, 'clampToCredentialExpiration', false);
  if (expiration == null) return expiresIn;
  const end = requireTime(expiration, 'credentials.expiration');
  const left = Math.floor((end - time) / 1000);
  if (expiresIn <= left) return expiresIn;
  if (clamp && left > 0) return left;
  const instant = (ms: number): string => new Date(ms).toISOString();
  throw new RangeError(`sigv4: expiresIn ${expiresIn} s (until ${instant(time + expiresIn * 1000)}) outlives credentials.expiration (${instant(end)})`);
}

let lastMethod = '';

/** The request's method, URL, headers and body, checked; nothing the caller passed is kept by reference. */
function prepareRequest(req: RequestToSign, presign: boolean, hasToken: boolean): Pick<SigningJob, 'method' | 'url' | 'headers' | 'body'> {
  const method = (lastMethod = requireTextOnce(req?.method, lastMethod, 'method', TOKEN)).toUpperCase();
  const body = requireBody(req.body);
  const url = parseUrl(req.url as RequestToSign['url']);
  // A presign replaces the caller's own auth parameters rather than sending them twice.
  if (presign && url.query) url.query = url.query.split('&').filter((part) => !AUTH_PARAM.test(wireName(part))).join('&');
  const headers = collectHeaders(req.headers, presign, hasToken);
  if (!headers.some((entry) => entry.name === 'host')) addHeader(headers, 'host', url.host);
  return { method, url, headers, body };
}

let lastAccessKeyId = '';

function prepareJob(req: RequestToSign, opts: SigningOptions, presign: boolean): SigningJob {
  const service = requireTextOnce(opts?.service, lastScope.service, 'service', SCOPE_PART);
  const region = requireTextOnce(opts.region, lastScope.region, 'region', SCOPE_PART);
  // Anything but an object (a missing one included) then fails on its first field, which the error names.
  const credentials: Partial<Credentials> = Object(opts.credentials);
  const accessKeyId = (lastAccessKeyId = requireTextOnce(credentials.accessKeyId, lastAccessKeyId, 'credentials.accessKeyId'));
  // Never sent, so any text will do.
  const secret = credentials.secretAccessKey;
  if (typeof secret !== 'string' || secret === '') fail('credentials.secretAccessKey', 'must be a non-empty string');
  const token = credentials.sessionToken;
  const sessionToken = token == null || token === '' ? '' : requireText(token, 'credentials.sessionToken');
  const isS3 = service === 's3';
  const signPayload = requireFlag(opts.signPayload, 'signPayload', isS3);
  const unsigned = requireFlag(opts.unsignedPayload, 'unsignedPayload', presign && isS3);
  const time = opts.date === undefined ? Date.now() : requireTime(opts.date, 'date');
  const expiresIn = presign ? presignExpiresIn(opts as PresignOptions, credentials.expiration, time) : 0;
  const { method, url, headers, body } = prepareRequest(req, presign, sessionToken !== '');
  const amzDate = formatAmzDate(time);
  const scope = credentialScope(amzDate, region, service);
  const givenHash = headers.find((entry) => entry.name === 'x-amz-content-sha256')?.canonical;
  const payloadHash = givenHash ?? (unsigned ? UNSIGNED_PAYLOAD : body?.length ? undefined : EMPTY_BODY_SHA256);
  const job: SigningJob = {
    method, url, headers, accessKeyId, secret, amzDate, scope, body, payloadHash, expiresIn,
    tokenAfterSigning: requireFlag(opts.omitSessionTokenFromSignature, 'omitSessionTokenFromSignature', false),
    normalizePath: requireFlag(opts.normalizePath, 'normalizePath', !isS3),
    encodePath: requireFlag(opts.encodePath, 'encodePath', !isS3),
    presignParams: undefined,
    signedHeaders: '',
  };
  if (presign) {
    // In the URL's order; X-Amz-SignedHeaders is filled in once the canonical headers are known.
    job.presignParams = [`X-Amz-Algorithm=${ALGORITHM}`, `X-Amz-Credential=${encodeRfc3986(accessKeyId)}%2F${lastScope.encoded}`, `X-Amz-Date=${amzDate}`, '', `X-Amz-Expires=${expiresIn}`];
    if (sessionToken) job.presignParams.push(TOKEN_PARAM + encodeRfc3986(sessionToken));
  } else {
    addHeader(headers, 'x-amz-date', amzDate);
    if (sessionToken) addHeader(headers, 'x-amz-security-token', sessionToken);
    if (givenHash === undefined && signPayload) addHeader(headers, 'x-amz-content-sha256', '');
  }
  return job;
}

/** Builds the canonical request in one pass over the sorted headers, filling in the payload hash and the signed-header list. */
function buildCanonicalRequest(job: SigningJob, payloadHash: string): string {
  let canonicalHeaders = '';
  let signedHeaders = '';
  for (const entry of job.headers) {
    if (entry.name === 'x-amz-content-sha256' && entry.canonical === '') entry.canonical = entry.sent = payloadHash;
    if (UNSIGNABLE_HEADER.test(entry.name) || (job.tokenAfterSigning && entry.name === 'x-amz-security-token')) continue;
    canonicalHeaders += entry.name + ':' + entry.canonical + '\n';
    signedHeaders += (signedHeaders && ';') + entry.name;
  }
  job.signedHeaders = signedHeaders;
  return `${job.method}\n${canonicalPath(job.url, job.normalizePath, job.encodePath)}\n${buildCanonicalQuery(job)}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
}

function buildCanonicalQuery(job: SigningJob): string {
  const { presignParams: params, url, tokenAfterSigning } = job;
  if (!params) return url.query ? canonicalWireQuery(url.query) : '';
  params[3] = 'X-Amz-SignedHeaders=' + encodeRfc3986(job.signedHeaders);
  const signedParams = tokenAfterSigning ? params.filter((param) => !param.startsWith(TOKEN_PARAM)) : params;
  if (url.query) return joinPairs(wirePairs(url.query, signedParams.slice()));
  // Only X-Amz-* parameters: already known, so sorted by hand rather than by comparison.
  return [0, 1, 2, 4, 5, 3].map((index) => signedParams[index]).filter(Boolean).join('&');
}

function buildStringToSign(job: SigningJob, canonicalRequestHash: string): string {
  return `${ALGORITHM}\n${job.amzDate}\n${job.scope}\n${canonicalRequestHash}`;
}

function signedRequestResult(job: SigningJob, canonicalRequest: string, stringToSign: string, signature: string): SignedRequest {
  const headers: Record<string, string> = {};
  for (const entry of job.headers) headers[entry.name] = entry.sent;
  headers.authorization = `${ALGORITHM} Credential=${job.accessKeyId}/${job.scope}, SignedHeaders=${job.signedHeaders}, Signature=${signature}`;
  return { method: job.method, url: job.url.text, headers, canonicalRequest, stringToSign, signature };
}

function presignedUrlResult(job: SigningJob, canonicalRequest: string, stringToSign: string, signature: string): PresignedUrl {
  const { base, query, fragment } = job.url;
  let url = base + '?' + (query ? query + '&' : '');
  for (const param of job.presignParams as string[]) url += param + '&';
  url += 'X-Amz-Signature=' + signature + fragment;
  return { url, expiresIn: job.expiresIn, canonicalRequest, stringToSign, signature };
}

// Signing keys per (secret, scope): the last one is checked first, then a bounded map whose oldest entry goes
// first once full, so a long-running process does not grow. Module-private; never returned.
interface KeyCache<T> {
  secret: string;
  scope: string;
  key: T | undefined;
  keys: Map<string, T>;
}

function newKeyCache<T>(): KeyCache<T> {
  return { secret: '', scope: '', key: undefined, keys: new Map() };
}

function cachedSigningKey<T>(cache: KeyCache<T>, job: SigningJob, derive: () => T): T {
  if (cache.key !== undefined && cache.scope === job.scope && cache.secret === job.secret) return cache.key;
  const id = job.scope + '\n' + job.secret;
  let key = cache.keys.get(id);
  if (key === undefined) {
    if (cache.keys.size >= KEY_CACHE_LIMIT) cache.keys.delete(cache.keys.keys().next().value as string);
    cache.keys.set(id, (key = derive()));
  }
  cache.secret = job.secret;
  cache.scope = job.scope;
  return (cache.key = key);
}

function forgetSigningKey<T>(cache: KeyCache<T>, job: SigningJob): void {
  cache.keys.delete(job.scope + '\n' + job.secret);
  cache.key = undefined;
}

let nodeCryptoModule: NodeCrypto | undefined;
// HMAC (RFC 2104) from two one-shot hashes: node's createHmac costs more than both hashes together, as it sets up
// a keyed context per call. Per signing key, the padded inner key is kept followed by the first string to sign's
// bytes; later strings to sign differ only in the date and the hash, which are ASCII and written over in place.
interface NodeSigner {
  inner: Uint8Array;
  outer: Uint8Array;
}
const nodeSigners = newKeyCache<NodeSigner>();

function nodeCrypto(): NodeCrypto {
  if (nodeCryptoModule) return nodeCryptoModule;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const module = proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  if (!module) throw new Error('sigv4: no node:crypto (Node >= 20.16) here; use signRequestAsync or presignUrlAsync');
  return (nodeCryptoModule = module);
}

function deriveNodeSigner(crypto: NodeCrypto, job: SigningJob, stringToSign: string): NodeSigner {
  let key: string | Uint8Array = 'AWS4' + job.secret;
  for (const part of job.scope.split('/')) key = crypto.createHmac('sha256', key).update(part).digest();
  const text = utf8(stringToSign);
  const inner = new Uint8Array(64 + text.length);
  const outer = new Uint8Array(96);
  inner.set(text, 64);
  // Past the key's 32 bytes key[i] is undefined, which ^ takes as 0: the zero padding to the 64-byte block.
  for (let i = 0; i < 64; i++) {
    inner[i] = (key[i] as number) ^ 0x36;
    outer[i] = (key[i] as number) ^ 0x5c;
  }
  return { inner, outer };
}

function writeAscii(bytes: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
}

function nodeHmacHex(crypto: NodeCrypto, { inner, outer }: NodeSigner, job: SigningJob, canonicalRequestHash: string): string {
  writeAscii(inner, 81, job.amzDate); // after the padded key (64) and "AWS4-HMAC-SHA256\n" (17)
  writeAscii(inner, inner.length - 64, canonicalRequestHash);
  writeAscii(outer, 64, crypto.hash('sha256', inner, 'latin1'));
  return crypto.hash('sha256', outer, 'hex');
}

function signJob<T>(job: SigningJob, finish: (job: SigningJob, canonicalRequest: string, stringToSign: string, signature: string) => T): T {
  const crypto = nodeCrypto();
  const canonicalRequest = buildCanonicalRequest(job, job.payloadHash ?? crypto.hash('sha256', job.body as string | Uint8Array, 'hex'));
  const canonicalRequestHash = crypto.hash('sha256', canonicalRequest, 'hex');
  const stringToSign = buildStringToSign(job, canonicalRequestHash);
  const signer = cachedSigningKey(nodeSigners, job, () => deriveNodeSigner(crypto, job, stringToSign));
  return finish(job, canonicalRequest, stringToSign, nodeHmacHex(crypto, signer, job, canonicalRequestHash));
}

/** Signs a request with an Authorization header (synchronous; Node). */
export function signRequest(req: RequestToSign, opts: SigningOptions): SignedRequest {
  return signJob(prepareJob(req, opts, false), signedRequestResult);
}

/** Presigns a URL with X-Amz-* query parameters (synchronous; Node). */
export function presignUrl(req: RequestToSign, opts: PresignOptions): PresignedUrl {
  return signJob(prepareJob(req, opts, true), presignedUrlResult);
}

/**
 * The region to sign for an AWS endpoint host: the region it names (sqs.eu-west-1.amazonaws.com,
 * eu-west-1.queue.amazonaws.com, ec2-fips.us-gov-west-1.amazonaws.com), else its partition's global
 * one (sts.amazonaws.com: us-east-1); us-east-1 for a local server (ElasticMQ, moto), which ignores it.
 */
export function regionFromHost(host: string): string {
  const name = host.toLowerCase();
  const named = /(?:^|\.)((?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-[a-z]+)+-\d+)(?=[.:]|$)/.exec(name)?.[1];
  return named ?? (name.includes('.amazonaws.com.cn') ? 'cn-north-1' : name.includes('.us-gov.') ? 'us-gov-west-1' : 'us-east-1');
}

let textEncoder: { encode(text: string): Uint8Array } | undefined;
const webSigningKeys = newKeyCache<Promise<unknown>>();

function subtleCrypto(): SubtleCryptoLike {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCryptoLike } }).crypto?.subtle;
  if (!subtle) throw new Error('sigv4: no WebCrypto (crypto.subtle) here');
  return subtle;
}

function utf8(text: string | Uint8Array): Uint8Array {
  if (typeof text !== 'string') return text;
  textEncoder ??= new (globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }).TextEncoder();
  return textEncoder.encode(text);
}

function toHex(buffer: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(buffer)) hex += (byte < 16 ? '0' : '') + byte.toString(16);
  return hex;
}

async function webHmac(subtle: SubtleCryptoLike, key: Uint8Array | ArrayBuffer, data: string): Promise<ArrayBuffer> {
  return subtle.sign('HMAC', await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']), utf8(data));
}

async function deriveWebSigningKey(subtle: SubtleCryptoLike, job: SigningJob): Promise<unknown> {
  let key: Uint8Array | ArrayBuffer = utf8('AWS4' + job.secret);
  for (const part of job.scope.split('/')) key = await webHmac(subtle, key, part);
  return subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

function webSigningKey(subtle: SubtleCryptoLike, job: SigningJob): Promise<unknown> {
  return cachedSigningKey(webSigningKeys, job, () => {
    const pending = deriveWebSigningKey(subtle, job);
    // A failed derivation must not stay cached.
    pending.catch(() => forgetSigningKey(webSigningKeys, job));
    return pending;
  });
}

async function signJobAsync<T>(job: SigningJob, finish: (job: SigningJob, canonicalRequest: string, stringToSign: string, signature: string) => T): Promise<T> {
  const subtle = subtleCrypto();
  const payloadHash = job.payloadHash ?? toHex(await subtle.digest('SHA-256', utf8(job.body as string | Uint8Array)));
  const canonicalRequest = buildCanonicalRequest(job, payloadHash);
  const stringToSign = buildStringToSign(job, toHex(await subtle.digest('SHA-256', utf8(canonicalRequest))));
  const signature = toHex(await subtle.sign('HMAC', await webSigningKey(subtle, job), utf8(stringToSign)));
  return finish(job, canonicalRequest, stringToSign, signature);
}

/** signRequest on WebCrypto, for browsers and workers; identical output. */
export async function signRequestAsync(req: RequestToSign, opts: SigningOptions): Promise<SignedRequest> {
  return signJobAsync(prepareJob(req, opts, false), signedRequestResult);
}

/** presignUrl on WebCrypto, for browsers and workers; identical output. */
export async function presignUrlAsync(req: RequestToSign, opts: PresignOptions): Promise<PresignedUrl> {
  return signJobAsync(prepareJob(req, opts, true), presignedUrlResult);
}
