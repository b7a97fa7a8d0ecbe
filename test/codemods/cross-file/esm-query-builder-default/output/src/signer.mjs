import { createHash } from 'node:crypto';
import queryString from './query.mjs';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

export function canonicalRequest({ method, path, params, host, amzDate }) {
  const canonicalQuery = queryString(params);
  const canonicalHeaders = `host:${host}\nx-amz-date:${amzDate}\n`;
  return [method, path, canonicalQueryString(canonicalQuery), canonicalHeaders, 'host;x-amz-date', sha256('')].join('\n'); // AWS4-HMAC-SHA256
}
