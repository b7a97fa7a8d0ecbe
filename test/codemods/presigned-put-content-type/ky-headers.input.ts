// Saves the settings document with ky.
import ky from 'ky';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function saveSettings(s3: S3Client, settings: object) {
  const presignedUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'cfg', Key: 'settings.json', ContentType: 'application/json' }));
  await ky.put(presignedUrl, {
    body: JSON.stringify(settings),
    headers: {
      'x-amz-meta-origin': 'settings-page', // who wrote it
    },
  });
}
