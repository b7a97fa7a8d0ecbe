// Both a charset suffix and an inline headers object.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function putNotes(s3: S3Client, notes: string) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'n', Key: 'notes.txt', ContentType: "text/plain" }));
  await fetch(url, { method: "PUT", body: notes, headers: { "Content-Type": "text/plain" } });
}
