// Options cast to RequestInit still get the header inline.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function putAudio(s3: S3Client, clip: ArrayBuffer) {
  const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'a', Key: 'clip.ogg', ContentType: 'audio/ogg' }));
  return fetch(putUrl, { method: 'PUT', body: clip, duplex: 'half', headers: { 'Content-Type': 'audio/ogg' } } as RequestInit);
}
