// Node job: streams a backup archive to S3.
import { createReadStream } from 'node:fs';
import got from 'got';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function pushBackup(s3, path) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'backups', Key: 'latest.tar.gz', ContentType: 'application/gzip' }));
  await got.put(url, { body: createReadStream(path), retry: { limit: 2 }, headers: { 'Content-Type': 'application/gzip' }, });
}
