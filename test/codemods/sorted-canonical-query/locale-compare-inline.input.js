// Locale order and a bare encodeURIComponent in one expression on the query line: one rewrite fixes both.
import { sha256Hex } from './hash.js';

export function canonicalRequest(params, canonicalHeaders, signedHeaders, payloadHash) {
  return [
    'GET',
    '/',
    Object.keys(params).sort((a, b) => a.localeCompare(b)).map((name) => `${name}=${encodeURIComponent(params[name])}`).join('&'),
    canonicalHeaders,
    signedHeaders,
    payloadHash ?? sha256Hex(''),
  ].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
