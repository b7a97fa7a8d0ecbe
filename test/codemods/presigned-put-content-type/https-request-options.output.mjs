// node's https.request with an options object built from the presigned URL.
import https from 'node:https';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function uploadVideo(s3, mp4) {
  const signed = new URL(await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'v', Key: 'v.mp4', ContentType: 'video/mp4' })));
  const req = https.request({
    hostname: signed.hostname,
    path: signed.pathname + signed.search,
    method: 'PUT',
    headers: { 'Content-Type': 'video/mp4' },
  });
  req.end(mp4);
}
