// Object.keys(…).map(…).join('&') written straight into the canonical request, never sorted.
import { sha256Hex } from './hash.js';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';

export function canonicalRequest(method, path, params, headersBlock, signedHeaders, body) {
  return [
    method,
    path,
    canonicalQueryString(params),
    headersBlock,
    signedHeaders,
    sha256Hex(body),
  ].join('\n');
}

export const SCOPE_SUFFIX = 'aws4_request';
