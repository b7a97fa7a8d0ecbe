// Object.entries joined without a sort, names and values encoded with encodeURIComponent as a callback and a call.
import { createHash } from 'node:crypto';

const encodeRfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');

export function canonicalQuery(params) {
  return Object.entries(params)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => [name, value].map(encodeRfc3986).join('='))
    .join('&');
}

export function canonicalRequest(method, path, params, headers, signedHeaders, body) {
  return [method, path, canonicalQuery(params), headers, signedHeaders, sha256Hex(body)].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
