// ky(url, { method }) with a JSON string body.
import ky from 'ky';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function publishManifest(s3, manifest) {
  const signedUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'site', Key: 'manifest.json', ContentType: 'application/manifest+json' }));
  await ky(signedUrl, { method: 'put', body: JSON.stringify(manifest) });
}
