// The helper is already imported as a namespace: the call goes through it, no new import.
import * as sigv4 from 'sigv4-migrate/sigv4';

export function canonicalRequest(host, to, payloadHash) {
  const query = 'Action=SendEmail&Source=alerts%40example.com&Destination.ToAddresses.member.1=' + encodeURIComponent(to);
  return ['GET', '/', query, `host:${host}\n`, 'host', payloadHash].join('\n');
}

export const sign = sigv4.signRequest;
export const ALGORITHM = 'AWS4-HMAC-SHA256';
