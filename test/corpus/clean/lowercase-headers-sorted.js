// worker/sign.js: signs PUTs to the media bucket; every header name is written lower-case, so sorting first is safe.
import { createHash, createHmac } from 'node:crypto';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

export function signPut({ host, path, body, contentType, accessKeyId, secretAccessKey, region }) {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const payloadHash = sha256(body);
  const headers = { host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  if (contentType) headers['content-type'] = contentType;

  const canonicalHeaders = Object.keys(headers).sort().map((k) => `${k.toLowerCase()}:${String(headers[k]).trim()}`).join('\n') + '\n';
  const signedHeaders = Object.keys(headers).sort().map((k) => k.toLowerCase()).join(';');
  const canonicalRequest = ['PUT', path, '', canonicalHeaders, signedHeaders, payloadHash].join('\n');

  const scope = `${amzDate.slice(0, 8)}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key = createHmac('sha256', `AWS4${secretAccessKey}`).update(amzDate.slice(0, 8)).digest();
  for (const part of [region, 's3', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');

  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
}
