// src/share/presign.ts: share links for the SDK v3 code path; TTLs come from one typed settings object.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

interface ShareSettings {
  readonly bucket: string;
  readonly previewTtl: number;
  readonly archiveTtl: number;
}

const DAY = 24 * 60 * 60;

export const shareSettings: ShareSettings = {
  bucket: process.env.SHARE_BUCKET ?? 'shared-files',
  previewTtl: 15 * 60,
  archiveTtl: 30 * DAY,
};

const client = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });

export async function previewUrl(key: string): Promise<string> {
  const command = new GetObjectCommand({ Bucket: shareSettings.bucket, Key: key });
  return getSignedUrl(client, command, { expiresIn: shareSettings.previewTtl });
}

export async function archiveUrl(key: string): Promise<string> {
  const command = new GetObjectCommand({ Bucket: shareSettings.bucket, Key: key });
  try {
    return await getSignedUrl(client, command, { expiresIn: shareSettings.archiveTtl }); // expect: require-sigv4-presign
  } catch (error) {
    throw new Error(`archive link for ${key} failed`, { cause: error });
  }
}
