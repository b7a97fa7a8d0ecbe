// app/lib/r2-upload.ts: uploads photos from the Expo app straight to R2 with a hand-made SigV4 header.
import * as Crypto from 'expo-crypto';
import { hmacSha256, toHex } from './hmac';

export interface R2Config {
  accountId: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const REGION = 'auto';

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA256, typeof data === 'string' ? data : toHex(data));
}

export async function uploadPhoto(config: R2Config, key: string, bytes: Uint8Array, contentType: string): Promise<string> {
  const host = `${config.accountId}.r2.cloudflarestorage.com`;
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const dateStamp = amzDate.slice(0, 8);
  const payloadHash = await sha256Hex(bytes);

  const headers: Record<string, string> = {
    host,
    'Content-Type': contentType,
    'X-Amz-Content-Sha256': payloadHash,
    'X-Amz-Date': amzDate,
  };
  const canonicalHeaders = Object.keys(headers).sort().map((k) => `${k.toLowerCase()}:${headers[k].trim()}`).join('\n') + '\n'; // expect: sorted-canonical-query
  const signedHeaders = Object.keys(headers).sort().map((k) => k.toLowerCase()).join(';'); // expect: sorted-canonical-query

  const path = `/${config.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const canonicalRequest = ['PUT', path, '', canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${dateStamp}/${REGION}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');

  let signingKey = await hmacSha256(`AWS4${config.secretAccessKey}`, dateStamp);
  for (const part of [REGION, 's3', 'aws4_request']) signingKey = await hmacSha256(signingKey, part);
  const signature = toHex(await hmacSha256(signingKey, stringToSign));

  const response = await fetch(`https://${host}${path}`, {
    method: 'PUT',
    headers: { ...headers, Authorization: `AWS4-HMAC-SHA256 Credential=${config.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` },
    body: bytes,
  });
  if (!response.ok) throw new Error(`R2 upload failed: ${response.status} ${await response.text()}`);
  return `https://${host}${path}`;
}
