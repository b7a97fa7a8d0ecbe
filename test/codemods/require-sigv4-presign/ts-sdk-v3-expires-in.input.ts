import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner';

const client = new S3Client({ region: 'eu-central-1' });

export function monthlyLink(Key: string): Promise<string> {
  return presign(client, new GetObjectCommand({ Bucket: 'media', Key }), { expiresIn: 60 * 60 * 24 * 31 });
}
