// src/storage/r2-links.ts: presigned GET links for R2; the pairs are sorted in place before they are joined.
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';

function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function presignLink(accountId: string, accessKeyId: string, secret: string, key: string, token?: string): string {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const dateStamp = amzDate.slice(0, 8);
  const scope = `${dateStamp}/auto/s3/aws4_request`;
  const host = `${accountId}.r2.cloudflarestorage.com`;

  const pairs: Array<[string, string]> = [
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', `${accessKeyId}/${scope}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', '900'],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (token) pairs.push(['X-Amz-Security-Token', token]);
  // SigV4 wants byte order of the names.
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const query = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const path = `/${key.split('/').map(encode).join('/')}`;
  const canonical = ['GET', path, query, `host:${host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = [ALGORITHM, amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let signingKey: Buffer = createHmac('sha256', `AWS4${secret}`).update(dateStamp).digest();
  for (const part of ['auto', 's3', 'aws4_request']) signingKey = createHmac('sha256', signingKey).update(part).digest();
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `https://${host}${path}?${query}&X-Amz-Signature=${signature}`;
}
