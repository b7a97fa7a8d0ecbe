// Download links for the customer portal (SDK v3); requested lifetimes are clamped to SigV4's week.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const MAX_PRESIGN_SECONDS = 604800;
const client = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-2' });

export async function portalLink(bucket: string, key: string, requestedSeconds?: number): Promise<string> {
  const expiresIn = Math.min(requestedSeconds ?? 3600, MAX_PRESIGN_SECONDS);
  return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn });
}

export async function portalLinks(bucket: string, keys: string[]): Promise<string[]> {
  return Promise.all(keys.map((key) => portalLink(bucket, key, 24 * 60 * 60)));
}
