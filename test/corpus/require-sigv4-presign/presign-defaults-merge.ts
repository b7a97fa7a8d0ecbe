// src/storage/links.ts: v3 presigned links with house defaults the caller may override.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

type PresignOptions = Parameters<typeof getSignedUrl>[2];

const DEFAULT_PRESIGN_OPTIONS = {
  expiresIn: 60 * 60 * 24 * 14, // expect: require-sigv4-presign
  signableHeaders: new Set(['host']),
};

export async function objectLink(client: S3Client, bucket: string, key: string, options: PresignOptions = {}): Promise<string> {
  const command = new GetObjectCommand({ Bucket: bucket, Key: key });
  try {
    return await getSignedUrl(client, command, { ...DEFAULT_PRESIGN_OPTIONS, ...options });
  } catch (error) {
    throw new Error(`presign of ${bucket}/${key} failed`, { cause: error });
  }
}
