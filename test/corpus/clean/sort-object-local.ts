// Presigned GET URLs for the media CDN origin (SigV4 query auth, written by hand for the edge runtime).
import { createHash, createHmac } from 'node:crypto';

function sortObject<T>(input: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(input).sort()) out[key] = input[key] as T;
  return out;
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const mac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

export function presignGet(
  host: string,
  key: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  region: string,
  expiresIn = 900,
): string {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/s3/aws4_request`;
  const params = sortObject({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${scope}`,
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(Math.min(expiresIn, 604800)),
    'X-Amz-SignedHeaders': 'host',
  });
  const parts: string[] = [];
  for (const name in params) parts.push(`${rfc3986(name)}=${rfc3986(params[name] ?? '')}`);
  const query = parts.join('&');
  const path = '/' + key.split('/').map(rfc3986).join('/');
  const canonicalRequest = ['GET', path, query, `host:${host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = mac(mac(mac(mac(`AWS4${credentials.secretAccessKey}`, day), region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `https://${host}${path}?${query}&X-Amz-Signature=${signature}`;
}
