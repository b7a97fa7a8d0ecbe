// Seed case in TypeScript: an unsorted template query, typed, joined into the canonical request.
import { createHash } from 'node:crypto';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';

const sha256Hex = (data: string): string => createHash('sha256').update(data).digest('hex');

export function canonicalRequestFor(host: string, amzDate: string, to: string, subject: string): string {
  const query: string = `Action=SendEmail&Source=${encodeURIComponent('alerts@example.com')}&Message.Subject.Data=${encodeURIComponent(subject)}&Destination.ToAddresses.member.1=${encodeURIComponent(to)}`;
  return ['GET', '/', canonicalQueryString(query), `host:${host}\nx-amz-date:${amzDate}\n`, 'host;x-amz-date', sha256Hex('')].join('\n') as string;
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
