// Nightly backups to S3 with a hand-signed REST PUT (S3 Signature Version 2).
import { createHmac } from 'node:crypto';

const region = process.env.AWS_REGION ?? 'us-east-1';
const bucket = process.env.BACKUP_BUCKET ?? 'backups';
const endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? `https://s3.${region}.amazonaws.com`;

export async function saveBackup(key, accessKeyId, secretAccessKey, text) {
  const date = new Date().toUTCString();
  const contentType = 'text/plain';
  const stringToSign = `PUT\n\n${contentType}\n${date}\n/${bucket}/${key}`;
  const signature = createHmac('sha1', secretAccessKey).update(stringToSign).digest('base64');
  const body = String(text);
  const response = await fetch(`${endpoint}/${bucket}/${key}`, {
    method: 'PUT',
    headers: {
      'Content-Type': contentType,
      Date: date,
      Authorization: `AWS ${accessKeyId}:${signature}`,
    },
    body,
  });
  if (!response.ok) throw new Error(`S3 PUT failed: ${response.status}`);
  return response.headers.get('etag');
}
