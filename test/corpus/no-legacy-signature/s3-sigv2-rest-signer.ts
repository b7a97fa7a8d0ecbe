// src/vendor/s3-rest.ts: tiny S3 REST client for the kiosk build (no SDK in the bundle).
import { createHmac } from 'node:crypto';

const HMAC_ALGORITHM = 'sha1';
const AMZ_PREFIX = 'x-amz-';

export interface SignableRequest {
  method: string;
  bucket: string;
  key: string;
  contentType?: string;
  contentMd5?: string;
  headers: Record<string, string>;
}

export class S3RestSigner {
  constructor(
    private readonly accessKeyId: string,
    private readonly secretAccessKey: string,
  ) {}

  private canonicalAmzHeaders(headers: Record<string, string>): string {
    return Object.keys(headers)
      .filter((name) => name.toLowerCase().startsWith(AMZ_PREFIX))
      .sort()
      .map((name) => `${name.toLowerCase()}:${headers[name].trim()}\n`)
      .join('');
  }

  private stringToSign(request: SignableRequest, date: string): string {
    return [
      request.method,
      request.contentMd5 ?? '',
      request.contentType ?? '',
      date,
      `${this.canonicalAmzHeaders(request.headers)}/${request.bucket}/${request.key}`,
    ].join('\n');
  }

  private signature(text: string): string {
    return createHmac(HMAC_ALGORITHM, this.secretAccessKey).update(text).digest('base64'); // expect: no-legacy-signature
  }

  authorize(request: SignableRequest): Record<string, string> {
    const date = new Date().toUTCString();
    const signature = this.signature(this.stringToSign(request, date));
    return {
      ...request.headers,
      Date: date,
      Authorization: `AWS ${this.accessKeyId}:${signature}`, // expect: no-legacy-signature
    };
  }
}

export async function fetchObject(signer: S3RestSigner, bucket: string, key: string): Promise<ArrayBuffer> {
  const headers = signer.authorize({ method: 'GET', bucket, key, headers: {} });
  const response = await fetch(`https://${bucket}.s3.amazonaws.com/${encodeURIComponent(key)}`, { headers });
  if (!response.ok) throw new Error(`GET ${key}: ${response.status}`);
  return response.arrayBuffer();
}
