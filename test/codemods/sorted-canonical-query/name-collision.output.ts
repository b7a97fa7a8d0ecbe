// The file already has its own `canonicalQueryString` (a label here): the helper is imported under another name.
import { sha256Hex } from './hash';
import { canonicalQueryString as sigv4CanonicalQueryString } from 'sigv4-migrate/sigv4';

const canonicalQueryString = 'canonical query string';

export function canonicalRequest(host: string, to: string): string {
  const query = `Source=alerts%40example.com&Action=SendEmail&Destination.ToAddresses.member.1=${encodeURIComponent(to)}&Message.Body.Text.Data=hi`;
  return ['GET', '/', sigv4CanonicalQueryString(query), `host:${host}\n`, 'host', sha256Hex(canonicalQueryString)].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
