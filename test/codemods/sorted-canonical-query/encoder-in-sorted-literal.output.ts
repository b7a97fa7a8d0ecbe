// A sorted literal query whose one value is encoded with encodeURIComponent: encodeRfc3986 is declared and used, no helper.
import { sha256Hex } from './hash';

const encodeRfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

export function canonicalRequest(host: string, to: string): string {
  const query = 'Action=SendEmail&Destination.ToAddresses.member.1=' + encodeRfc3986(to);
  return ['GET', '/', query, `host:${host}\n`, 'host', sha256Hex('')].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
