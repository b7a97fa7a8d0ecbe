// scripts/seed-avatars.ts: seeds demo avatars into the bucket the way the app does, presign then PUT.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const AVATAR_CONTENT_TYPE = 'image/jpeg';
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
const bucket = process.env.AVATAR_BUCKET ?? 'demo-avatars';

async function createUploadUrl(userId: string): Promise<string> {
  const command = new PutObjectCommand({ Bucket: bucket, Key: `avatars/${userId}.jpg`, ContentType: AVATAR_CONTENT_TYPE });
  return getSignedUrl(s3, command, { expiresIn: 300 });
}

async function seed(userId: string, fixture: string): Promise<void> {
  const uploadUrl = await createUploadUrl(userId);
  const body = await readFile(join(__dirname, 'fixtures', fixture));
  const res = await fetch(uploadUrl, {
    method: 'PUT',
    headers: { 'Content-Type': 'image/png' }, // expect: presigned-put-content-type
    body,
  });
  if (!res.ok) throw new Error(`seeding ${userId} failed: ${res.status}`);
}

export async function seedAll(): Promise<void> {
  await seed('alice', 'alice.jpg');
  await seed('bob', 'bob.jpg');
}
