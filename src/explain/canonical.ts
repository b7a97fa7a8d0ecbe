// The canonical request and string to sign AWS computes for a received SigV4 request, and a reader that
// splits any canonical request text into its parts.
import { createHash } from 'node:crypto';
import { canonicalQueryString } from '../sigv4/index';
import { headerValues } from './request';
import type { SentRequest } from './types';

export interface CanonicalHeaderLine {
  /** As written in the canonical request (the client's may not be lower-case). */
  rawName: string;
  name: string;
  value: string;
  /** 1-based line in the canonical request. */
  line: number;
}

export interface CanonicalParts {
  method: string;
  path: string;
  query: string;
  headers: CanonicalHeaderLine[];
  signedHeaders: string;
  payloadHash: string;
  lines: string[];
  /** Blank lines between the headers and the signed headers: exactly 1 when well formed. */
  blankLines: number;
}

export const PART_LINES = { method: 1, path: 2, query: 3, headers: 4 } as const;
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What AWS computes for `request`: undefined for a request that is not SigV4-signed. */
export function awsCanonicalRequest(request: SentRequest): { canonicalRequest: string; stringToSign: string } | undefined {
  const { signature } = request;
  if (signature.scope === undefined) return undefined;
  const s3 = signature.scope.service === 's3';
  const headerLines = signature.signedHeaders.map((name) => `${name}:${awsHeaderValue(request, name)}`);
  const canonicalRequest = [
    request.method.toUpperCase(),
    s3 ? s3CanonicalPath(request.path) : doubleEncodedPath(request.path),
    canonicalQueryString(withoutSignatureParameter(request.query)),
    ...headerLines,
    '',
    signature.signedHeaders.join(';'),
    payloadHashAwsUses(request, s3),
  ].join('\n');
  const { date, region, service, terminator } = signature.scope;
  const stringToSign = ['AWS4-HMAC-SHA256', signature.amzDate ?? '', `${date}/${region}/${service}/${terminator}`, sha256Hex(canonicalRequest)].join('\n');
  return { canonicalRequest, stringToSign };
}

/** The value AWS signs for a header: repeated values joined with ',', trimmed, runs of spaces folded. */
function awsHeaderValue(request: SentRequest, name: string): string {
  const values = headerValues(request.headers, name);
  if (name === 'host' && values.length === 0) return request.urlHost;
  // HTTP clients add Content-Length themselves, so request files often leave it out.
  if (name === 'content-length' && values.length === 0 && request.body !== '') return String(Buffer.byteLength(request.body));
  return values.map((value) => value.replace(/[ \t]+/g, ' ').trim()).join(',');
}

function withoutSignatureParameter(query: string): string {
  return query
    .split('&')
    .filter((pair) => pair.split('=', 1)[0] !== 'X-Amz-Signature')
    .join('&');
}

/** SigV4's UriEncode: everything but A-Z a-z 0-9 - . _ ~ percent-encoded, upper-case hex. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** S3 decodes the path it received and encodes each segment once, without normalising it. */
export function s3CanonicalPath(path: string): string {
  return path
    .split('/')
    .map((segment) => uriEncode(decodeOrKeep(segment)))
    .join('/');
}

/** Other services normalise the path ('.', '..', '//') and encode it as received once more. */
export function doubleEncodedPath(path: string): string {
  return uriEncode(removeDotSegments(path)).replace(/%2F/g, '/');
}

export function removeDotSegments(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
}

/** S3 takes the client's word for the payload hash; other services hash the body they received. */
function payloadHashAwsUses(request: SentRequest, s3: boolean): string {
  if (!s3) return sha256Hex(request.body);
  if (request.signature.kind === 'sigv4-header') return headerValues(request.headers, 'x-amz-content-sha256')[0]?.trim() ?? '';
  const fromQuery = request.query.split('&').find((pair) => pair.startsWith('X-Amz-Content-Sha256='));
  return fromQuery === undefined ? UNSIGNED_PAYLOAD : decodeOrKeep(fromQuery.slice(fromQuery.indexOf('=') + 1));
}

/**
 * Splits a canonical request: method, path, query, header lines, a blank line, signed headers, payload
 * hash. Line ends are normalised and a trailing newline (from `print`) dropped. A missing or doubled
 * blank line after the headers (canonical_headers without its final '\n', or with one too many) is
 * read and recorded in `blankLines`; undefined when the text does not have the shape at all.
 */
export function readCanonicalRequest(text: string): CanonicalParts | undefined {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length < 5) return undefined;
  const signedHeaders = lines[lines.length - 2] as string;
  const payloadHash = lines[lines.length - 1] as string;
  if (!/^[^:\s]+$/.test(signedHeaders) || !/^[^:\s]+$/.test(payloadHash)) return undefined;
  const headers: CanonicalHeaderLine[] = [];
  let blankLines = 0;
  for (let index = PART_LINES.headers - 1; index < lines.length - 2; index += 1) {
    const line = lines[index] as string;
    if (line === '') {
      blankLines += 1;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const rawName = line.slice(0, colon);
    headers.push({ rawName, name: rawName.trim().toLowerCase(), value: line.slice(colon + 1), line: index + 1 });
  }
  if (headers.length === 0) return undefined;
  const [method = '', path = '', query = ''] = lines;
  return { method, path, query, headers, signedHeaders, payloadHash, lines, blankLines };
}
