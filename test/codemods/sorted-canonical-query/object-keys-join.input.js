// Object.keys(…).map(…).join('&') written straight into the canonical request, never sorted.
import { sha256Hex } from './hash.js';

export function canonicalRequest(method, path, params, headersBlock, signedHeaders, body) {
  return [
    method,
    path,
    Object.keys(params).map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(params[name])}`).join('&'),
    headersBlock,
    signedHeaders,
    sha256Hex(body),
  ].join('\n');
}

export const SCOPE_SUFFIX = 'aws4_request';
