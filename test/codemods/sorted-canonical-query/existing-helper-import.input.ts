// The file already imports from the helper: canonicalQueryString joins that import.
import { signRequest } from 'sigv4-migrate/sigv4';
import { sha256Hex } from './hash';

export function canonicalRequest(host: string, to: string): string {
  const query = 'Destination.ToAddresses.member.1=' + encodeURIComponent(to) + '&Action=SendEmail';
  return ['GET', '/', query, `host:${host}\n`, 'host', sha256Hex('')].join('\n');
}

export { signRequest };
export const ALGORITHM = 'AWS4-HMAC-SHA256';
