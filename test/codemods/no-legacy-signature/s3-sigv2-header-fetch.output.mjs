// Nightly backups to S3 with a hand-signed REST PUT (S3 Signature Version 2).
import { signRequest } from 'sigv4-migrate/sigv4';

const region = process.env.AWS_REGION ?? 'us-east-1';
const bucket = process.env.BACKUP_BUCKET ?? 'backups';
const endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? `https://s3.${region}.amazonaws.com`;

export async function saveBackup(key, accessKeyId, secretAccessKey, text) {
  const contentType = 'text/plain';
  const body = String(text);
  const signed = signRequest({
    method: 'PUT',
    url: `${endpoint}/${bucket}/${key}`,
    headers: { 'Content-Type': contentType },
    body,
  }, { service: 's3', region, credentials: { accessKeyId, secretAccessKey } });
  const response = await fetch(signed.url, {
    method: 'PUT',
    headers: signed.headers,
    body,
  });
  if (!response.ok) throw new Error(`S3 PUT failed: ${response.status}`);
  return response.headers.get('etag');
}
