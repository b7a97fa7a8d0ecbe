// Options and headers kept in consts that only this upload reads.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function uploadFont(s3, woff2, etag) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'fonts', Key: 'inter.woff2', ContentType: 'font/woff2' }));
  const headers = {
    'If-Match': etag,
    'Content-Type': 'font/woff2',
  };
  const init = { method: 'PUT', body: woff2, headers };
  return fetch(url, init);
}
