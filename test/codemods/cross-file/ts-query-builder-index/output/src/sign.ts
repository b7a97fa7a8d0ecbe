import { createHash, createHmac } from 'node:crypto';
import { canonicalQuery } from './aws';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

export function signGet(host: string, path: string, params: Record<string, string>, secret: string, amzDate: string, scope: string): string {
  const query = canonicalQuery(params);
  const canonicalRequest = ['GET', path, query, `host:${host}\n`, 'host', sha256('')].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}
