// Reads the request as sent — JSON `{ method, url, headers, body? }` or a raw HTTP request — and what it
// says about its own signature (SigV4 header or presigned query, SigV2, SigV3).
import { maskSecret } from './redact';
import type { InputProblem, RequestObject, SentRequest, SignatureClaim } from './types';

const URL_PARTS = /^([a-z][\w+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/is;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };
const REQUEST_LINE = /^([A-Za-z]+) +(\S+)(?: +HTTP\/\d(?:\.\d)?)?$/;
const HEADER_LINE = /^([!#$%&'*+.^`|~\w-]+):[ \t]*(.*)$/;

/** The request in `input` (text or object), or what is wrong with it. */
export function readRequest(input: string | RequestObject): SentRequest | InputProblem {
  const object = typeof input === 'string' ? requestObjectFrom(input) : checkRequestObject(input);
  return 'input' in object ? object : sentRequestFrom(object);
}

function requestObjectFrom(text: string): RequestObject | InputProblem {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return readHttpRequest(trimmed);
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return problem('starts like JSON but does not parse (truncated?); expected { "method", "url", "headers", "body"? }');
  }
  return checkRequestObject(parsed);
}

function checkRequestObject(value: unknown): RequestObject | InputProblem {
  if (typeof value !== 'object' || value === null) return problem('must be an object { "method", "url", "headers", "body"? }');
  const { method, url, headers, body } = value as Record<string, unknown>;
  if (typeof method !== 'string' || method === '') return problem('has no "method" string');
  if (typeof url !== 'string' || url === '') return problem('has no "url" string');
  if (body !== undefined && typeof body !== 'string') return problem('"body" must be a string when present');
  if (headers !== undefined && !isHeaderRecord(headers)) return problem('"headers" must map names to strings or arrays of strings');
  return { method, url, ...(headers !== undefined ? { headers } : {}), ...(body !== undefined ? { body } : {}) };
}

function isHeaderRecord(value: unknown): value is Record<string, string | string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((item) => typeof item === 'string' || (Array.isArray(item) && item.every((part) => typeof part === 'string')));
}

/** Request line, header lines, a blank line, the body; an origin-form target takes its host from Host. */
function readHttpRequest(text: string): RequestObject | InputProblem {
  const lines = curlVerboseRequest(text.split(/\r?\n/));
  const requestLine = REQUEST_LINE.exec(lines[0] ?? '');
  if (requestLine === null) return problem('is neither JSON nor an HTTP request: the first line must be like "GET /path?query HTTP/1.1"');
  const headers: Record<string, string[]> = {};
  let index = 1;
  for (; index < lines.length && lines[index] !== ''; index += 1) {
    const header = HEADER_LINE.exec(lines[index] ?? '');
    if (header === null) return problem(`line ${index + 1} is not a header line ("Name: value")`);
    const name = header[1] as string;
    (headers[name] ??= []).push(header[2] as string);
  }
  const body = lines.slice(index + 1).join('\n');
  const target = requestLine[2] as string;
  const hostHeader = Object.entries(headers).find(([name]) => name.toLowerCase() === 'host')?.[1][0];
  if (!target.includes('://') && hostHeader === undefined) return problem('has a path but no Host header: the host is part of what is signed');
  const url = target.includes('://') ? target : `https://${hostHeader}${target}`;
  return { method: requestLine[1] as string, url, headers, ...(body !== '' ? { body } : {}) };
}

/** `curl -v` output: the request is the lines marked "> " (its head; curl does not print the body). */
function curlVerboseRequest(lines: string[]): string[] {
  const sent = lines.filter((line) => line.startsWith('> ') || line === '>');
  return sent.length === 0 ? lines : sent.map((line) => line.slice(2));
}

function sentRequestFrom(object: RequestObject): SentRequest | InputProblem {
  const parts = URL_PARTS.exec(object.url);
  if (parts === null) return problem('"url" must be absolute (https://host/path?query)');
  const scheme = (parts[1] as string).toLowerCase();
  const authority = (parts[2] as string).toLowerCase();
  const headers: [string, string][] = Object.entries(object.headers ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
  );
  const request = {
    method: object.method,
    url: object.url,
    origin: `${scheme}://${parts[2] as string}`,
    urlHost: authority.replace(new RegExp(`:${DEFAULT_PORTS[scheme] ?? '-'}$`), ''),
    path: parts[3] === '' ? '/' : (parts[3] as string),
    query: parts[4] ?? '',
    headers,
    body: object.body ?? '',
  };
  const signature = readSignatureClaim(request);
  return 'input' in signature ? signature : { ...request, signature };
}

/** All values of a header, case-insensitively, in order. */
export function headerValues(headers: readonly [string, string][], name: string): string[] {
  return headers.filter(([candidate]) => candidate.toLowerCase() === name).map(([, value]) => value);
}

/** Decoded query (or form) parameters in order; undecodable escapes kept as written. */
export function queryParameters(query: string): [string, string][] {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return [decodeLeniently(equals === -1 ? pair : pair.slice(0, equals)), decodeLeniently(equals === -1 ? '' : pair.slice(equals + 1))];
    });
}

function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

type RequestWithoutClaim = Omit<SentRequest, 'signature'>;

function readSignatureClaim(request: RequestWithoutClaim): SignatureClaim | InputProblem {
  const query = new Map(queryParameters(request.query));
  const authorization = headerValues(request.headers, 'authorization')[0];
  const token = headerValues(request.headers, 'x-amz-security-token')[0] ?? query.get('X-Amz-Security-Token');
  const withToken = (claim: SignatureClaim): SignatureClaim => (token === undefined ? claim : { ...claim, sessionToken: token });
  if (authorization !== undefined) return readAuthorization(authorization.trim(), request, withToken);
  if (query.has('X-Amz-Algorithm') || query.has('X-Amz-Signature')) return readPresignedQuery(query, withToken);
  const form = isForm(request) ? new Map(queryParameters(request.body)) : new Map<string, string>();
  const legacy = ['Signature', 'AWSAccessKeyId'].every((name) => query.has(name) || form.has(name));
  if (legacy) return withToken(legacyClaim('sigv2', query.get('AWSAccessKeyId') ?? form.get('AWSAccessKeyId') ?? '', query.get('Signature') ?? form.get('Signature') ?? ''));
  // eslint-disable-next-line sigv4/no-legacy-signature -- reads a SigV3 header to name it as the cause; nothing is signed here
  const sigv3 = headerValues(request.headers, 'x-amzn-authorization')[0];
  if (sigv3?.startsWith('AWS3') === true) {
    return withToken(legacyClaim('sigv3', /AWSAccessKeyId=([^,\s]+)/.exec(sigv3)?.[1] ?? '', /Signature=([^,\s]+)/.exec(sigv3)?.[1] ?? ''));
  }
  return problem('carries no signature: no Authorization header, no X-Amz-Signature query parameter, no SigV2 Signature or SigV3 X-Amzn-Authorization');
}

function isForm(request: RequestWithoutClaim): boolean {
  return headerValues(request.headers, 'content-type').some((value) => value.toLowerCase().startsWith('application/x-www-form-urlencoded'));
}

function readAuthorization(authorization: string, request: RequestWithoutClaim, withToken: (claim: SignatureClaim) => SignatureClaim): SignatureClaim | InputProblem {
  if (authorization.startsWith('AWS ')) {
    const [accessKeyId = '', signature = ''] = authorization.slice(4).split(':');
    return withToken(legacyClaim('sigv2', accessKeyId.trim(), signature.trim()));
  }
  if (!authorization.startsWith('AWS4-HMAC-SHA256')) {
    const scheme = authorization.split(/[\s,]/)[0] ?? '';
    // Only a known scheme name is echoed: the first word could be a pasted secret.
    const shown = /^(?:AWS[\w-]*|Bearer|Basic|Digest|Negotiate)$/.test(scheme) ? scheme : maskSecret(scheme);
    return problem(`has an Authorization header of an unknown scheme "${shown}": expected AWS4-HMAC-SHA256`);
  }
  const components = new Map<string, string>(
    authorization
      .slice('AWS4-HMAC-SHA256'.length)
      .split(',')
      .map((part): [string, string] => {
        const equals = part.indexOf('=');
        return equals === -1 ? [part.trim(), ''] : [part.slice(0, equals).trim(), part.slice(equals + 1).trim()];
      }),
  );
  const amzDate = headerValues(request.headers, 'x-amz-date')[0]?.trim();
  return sigv4Claim('sigv4-header', components.get('Credential'), components.get('SignedHeaders'), components.get('Signature'), amzDate, undefined, withToken);
}

function readPresignedQuery(query: Map<string, string>, withToken: (claim: SignatureClaim) => SignatureClaim): SignatureClaim | InputProblem {
  return sigv4Claim(
    'sigv4-query',
    query.get('X-Amz-Credential'),
    query.get('X-Amz-SignedHeaders'),
    query.get('X-Amz-Signature'),
    query.get('X-Amz-Date'),
    query.get('X-Amz-Expires'),
    withToken,
  );
}

function sigv4Claim(
  kind: 'sigv4-header' | 'sigv4-query',
  credential: string | undefined,
  signedHeaders: string | undefined,
  signature: string | undefined,
  amzDate: string | undefined,
  expires: string | undefined,
  withToken: (claim: SignatureClaim) => SignatureClaim,
): SignatureClaim | InputProblem {
  const where = kind === 'sigv4-header' ? 'its Authorization header' : 'its X-Amz-* query parameters';
  const parts = credential?.split('/') ?? [];
  const [accessKeyId, date, region, service, terminator] = parts;
  if (parts.length !== 5 || accessKeyId === undefined || date === undefined || region === undefined || service === undefined || terminator === undefined) {
    return problem(`has a malformed Credential in ${where}: expected <access key id>/YYYYMMDD/region/service/aws4_request`);
  }
  if (signedHeaders === undefined || signature === undefined) return problem(`lacks SignedHeaders or Signature in ${where}`);
  return withToken({
    kind,
    accessKeyId,
    scope: { date, region, service, terminator },
    signedHeaders: signedHeaders.split(';').filter((name) => name !== ''),
    signature,
    ...(amzDate !== undefined ? { amzDate } : {}),
    ...(expires !== undefined ? { expires } : {}),
  });
}

function legacyClaim(kind: 'sigv2' | 'sigv3', accessKeyId: string, signature: string): SignatureClaim {
  return { kind, accessKeyId, signedHeaders: [], signature };
}

function problem(message: string): InputProblem {
  return { input: 'request', message };
}
