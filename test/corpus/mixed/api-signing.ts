// "aws.ts" of a TypeScript service: a hand-rolled SigV4 signer for an IAM-authorised API Gateway
// endpoint next to SDK v3 presigned uploads, the way small teams keep their AWS code together.
import { createHash, createHmac } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import axios from 'axios';

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const s3 = new S3Client({ region: 'eu-central-1', signatureVersion: 'v4' }); // expect: no-legacy-signature

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');

// RFC 3986: encodeURIComponent leaves !'()* alone, SigV4 wants them escaped.
const encodeRfc3986 = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

export function signApiRequest(host: string, path: string, params: Record<string, string>, credentials: Credentials, now = new Date()) {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const dateStamp = amzDate.slice(0, 8);
  const scope = `${dateStamp}/eu-central-1/execute-api/aws4_request`;

  const canonicalQuery = Object.keys(params).map((key) => `${encodeRfc3986(key)}=${encodeRfc3986(params[key] ?? '')}`).join('&'); // expect: sorted-canonical-query
  const canonicalHeaders = `host:${host}\nx-amz-date:${amzDate}\n`;
  const canonicalRequest = ['GET', path, canonicalQuery, canonicalHeaders, 'host;x-amz-date', sha256Hex('')].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');

  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, dateStamp);
  for (const part of ['eu-central-1', 'execute-api', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');

  return {
    url: `https://${host}${path}?${canonicalQuery}`,
    headers: {
      'X-Amz-Date': amzDate,
      Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    },
  };
}

export function healthQuery(): string {
  // Already in code-point order: fine to sign as is.
  return 'Action=DescribeHealth&MaxItems=10&Version=2016-08-04';
}

export async function uploadAvatar(userId: string, image: Buffer): Promise<void> {
  const command = new PutObjectCommand({ Bucket: 'avatars', Key: `${userId}.png`, ContentType: 'image/png' });
  const uploadUrl = await getSignedUrl(s3, command, { expiresIn: 300 });
  await axios.put(uploadUrl, image); // expect: presigned-put-content-type
}

export async function uploadBanner(userId: string, image: Buffer): Promise<void> {
  const command = new PutObjectCommand({ Bucket: 'banners', Key: `${userId}.png`, ContentType: 'image/png' });
  const uploadUrl = await getSignedUrl(s3, command, { expiresIn: 300 });
  await axios.put(uploadUrl, image, { headers: { 'Content-Type': 'image/png' } });
}
