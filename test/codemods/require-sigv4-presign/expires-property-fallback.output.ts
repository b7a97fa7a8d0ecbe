import { S3 } from 'aws-sdk';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const THIRTY_DAYS = 30 * 24 * 3600;
const DAY = 86400;
const legacy = new S3({ region: 'eu-west-1', signatureVersion: 'v4' });
const modern = new S3Client({ region: 'eu-west-1' });

export function shareLink(key: string, ttlSeconds?: number): string {
  return legacy.getSignedUrl('getObject', { Bucket: 'shares', Key: key, Expires: Math.min(ttlSeconds || Number(process.env.SHARE_TTL) || THIRTY_DAYS, 604800) });
}

export async function previewLink(key: string, ttl?: number): Promise<string> {
  return getSignedUrl(modern, new GetObjectCommand({ Bucket: 'shares', Key: key }), { expiresIn: Math.min(ttl ?? 14 * DAY, 604800) });
}
