// Object.entries joined without a sort, names and values encoded with encodeURIComponent as a callback and a call.
import { createHash } from 'node:crypto';

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');

export function canonicalQuery(params) {
  return Object.entries(params)
    .map(([name, value]) => [name, value].map(encodeURIComponent).join('='))
    .join('&');
}

export function canonicalRequest(method, path, params, headers, signedHeaders, body) {
  return [method, path, canonicalQuery(params), headers, signedHeaders, sha256Hex(body)].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
