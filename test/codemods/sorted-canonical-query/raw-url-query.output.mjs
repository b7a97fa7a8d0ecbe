// The query copied from the URL as written: re-canonicalised by the helper.
import { sha256Hex } from './hash.mjs';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';

export function canonicalRequest(url, canonicalHeaders, signedHeaders, payloadHash) {
  const parsed = new URL(url);
  return [
    'GET',
    parsed.pathname,
    canonicalQueryString(parsed.search.slice(1)),
    canonicalHeaders,
    signedHeaders,
    payloadHash ?? sha256Hex(''),
  ].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
