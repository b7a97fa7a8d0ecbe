// Builds SigV4 presigned GET URLs by hand for an edge worker that cannot ship the AWS SDK.
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const PREVIEW_EXPIRY_SECONDS = 15 * 60;
/** Archive links are mailed to users and must survive a long weekend plus a week. */
const ARCHIVE_EXPIRY_SECONDS = 10 * 24 * 60 * 60;

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function presign(host: string, key: string, region: string, creds: Credentials, expires: number, now = new Date()): string {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/s3/aws4_request`;
  const query = [
    `X-Amz-Algorithm=${ALGORITHM}`,
    `X-Amz-Credential=${encode(`${creds.accessKeyId}/${scope}`)}`,
    `X-Amz-Date=${amzDate}`,
    `X-Amz-Expires=${expires}`,
    'X-Amz-SignedHeaders=host',
  ].join('&');
  const canonical = ['GET', `/${key.split('/').map(encode).join('/')}`, query, `host:${host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = [ALGORITHM, amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), region), 's3'), 'aws4_request');
  return `https://${host}/${key}?${query}&X-Amz-Signature=${hmac(signingKey, stringToSign).toString('hex')}`;
}

export function previewUrl(host: string, key: string, region: string, creds: Credentials): string {
  return presign(host, key, region, creds, PREVIEW_EXPIRY_SECONDS);
}

export function archiveUrl(host: string, key: string, region: string, creds: Credentials): string {
  const url = new URL(presign(host, key, region, creds, PREVIEW_EXPIRY_SECONDS));
  url.searchParams.set('X-Amz-Expires', String(ARCHIVE_EXPIRY_SECONDS)); // expect: require-sigv4-presign
  return url.toString();
}

export const FIXED_TTL_QUERY = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=1209600&X-Amz-SignedHeaders=host'; // expect: require-sigv4-presign
export const SHORT_TTL_QUERY = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-SignedHeaders=host';
