// URLSearchParams#toString() is form encoding in insertion order, not a canonical query.
import { sha256Hex } from './hash';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';

export function presignableRequest(host: string, params: Record<string, string>, amzDate: string) {
  const query = canonicalQueryString(new URLSearchParams(params));
  const canonicalRequest = ['GET', '/', query, `host:${host}\nx-amz-date:${amzDate}\n`, 'host;x-amz-date', sha256Hex('')].join('\n');
  return { url: `https://${host}/?${query}`, canonicalRequest, algorithm: 'AWS4-HMAC-SHA256' };
}
