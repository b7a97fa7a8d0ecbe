// Share links for the file manager. The client was moved to SigV4, the expiries were not revisited.
import { S3 } from 'aws-sdk';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const DAY = 24 * 60 * 60;
const THIRTY_DAYS = 30 * DAY;

const legacy = new S3({ region: 'eu-central-1', signatureVersion: 'v4' });
const modern = new S3Client({ region: 'eu-central-1' });

const BUCKET = process.env.FILES_BUCKET ?? 'files';

export interface ShareOptions {
  ttlSeconds?: number;
}

export function shareLink(key: string, options: ShareOptions = {}): string {
  return legacy.getSignedUrl('getObject', {
    Bucket: BUCKET,
    Key: key,
    Expires: options.ttlSeconds || Number(process.env.SHARE_TTL) || THIRTY_DAYS, // expect: require-sigv4-presign
  });
}

export async function previewLink(key: string, ttl?: number): Promise<string> {
  const command = new GetObjectCommand({ Bucket: BUCKET, Key: key, ResponseContentDisposition: 'inline' });
  return getSignedUrl(modern, command, { expiresIn: ttl ?? 14 * DAY }); // expect: require-sigv4-presign
}

export async function shareLinks(keys: string[], options?: ShareOptions): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const key of keys) links.set(key, shareLink(key, options));
  return links;
}
