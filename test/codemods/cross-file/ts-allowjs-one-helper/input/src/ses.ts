export function canonicalRequest(host: string, to: string, payloadHash: string): string {
  const query = 'Action=SendEmail&Source=alerts%40example.com&Destination.ToAddresses.member.1=' + encodeURIComponent(to);
  return ['GET', '/', query, `host:${host}\n`, 'host', payloadHash].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
