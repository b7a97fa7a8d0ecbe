// src/storage/r2-presign.ts: presigned GET URLs for R2 (S3 API), written by hand to keep the edge bundle small.
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const REGION = 'auto';
const SERVICE = 's3';

export interface PresignParams {
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  bucket: string;
  key: string;
  expiresInSeconds: number;
  now?: Date;
}

function uriEncode(value: string, encodeSlash: boolean): string {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return encodeSlash ? encoded : encoded.replace(/%2F/g, '/');
}

function toAmzDate(now: Date): { amzDate: string; dateStamp: string } {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  return { amzDate, dateStamp: amzDate.slice(0, 8) };
}

function sign(secretAccessKey: string, dateStamp: string, stringToSign: string): string {
  let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(dateStamp).digest();
  for (const part of [REGION, SERVICE, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

export function presignGetUrl(params: PresignParams): string {
  const { amzDate, dateStamp } = toAmzDate(params.now ?? new Date());
  const host = `${params.accountId}.r2.cloudflarestorage.com`;
  const credentialScope = `${dateStamp}/${REGION}/${SERVICE}/aws4_request`;

  const queryParams: Array<[string, string]> = [
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', `${params.accessKeyId}/${credentialScope}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', String(params.expiresInSeconds)],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (params.sessionToken) queryParams.push(['X-Amz-Security-Token', params.sessionToken]);

  const canonicalQueryString = queryParams.map(([k, v]) => `${uriEncode(k, true)}=${uriEncode(v, true)}`).join('&'); // expect: sorted-canonical-query
  const canonicalUri = `/${uriEncode(params.bucket, true)}/${uriEncode(params.key, false)}`;
  const canonicalRequest = ['GET', canonicalUri, canonicalQueryString, `host:${host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = [ALGORITHM, amzDate, credentialScope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');

  return `https://${host}${canonicalUri}?${canonicalQueryString}&X-Amz-Signature=${sign(params.secretAccessKey, dateStamp, stringToSign)}`;
}
