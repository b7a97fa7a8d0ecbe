// Locale order and a bare encodeURIComponent in one expression on the query line: one rewrite fixes both.
import { sha256Hex } from './hash.js';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';

export function canonicalRequest(params, canonicalHeaders, signedHeaders, payloadHash) {
  return [
    'GET',
    '/',
    canonicalQueryString(Object.keys(params).sort((a, b) => a.localeCompare(b)).map((name) => `${name}=${encodeURIComponent(params[name])}`).join('&')),
    canonicalHeaders,
    signedHeaders,
    payloadHash ?? sha256Hex(''),
  ].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
