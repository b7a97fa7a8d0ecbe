// Backs up the nightly export to S3 with a REST PUT signed by hand, as the S3 REST docs of 2006 showed.
import { createHmac } from 'node:crypto';

const region = process.env.AWS_REGION ?? 'us-east-1';
const bucket = process.env.REPORTS_BUCKET ?? 'reports';
const s3Endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? `https://s3.${region}.amazonaws.com`;

export async function saveBackup(key: string, text: string): Promise<string> {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID ?? '';
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY ?? '';
  const date = new Date().toUTCString();
  const contentType = 'text/plain';
  const stringToSign = `PUT\n\n${contentType}\n${date}\n/${bucket}/${key}`;
  const signature = createHmac('sha1', secretAccessKey).update(stringToSign).digest('base64');

  const response = await fetch(`${s3Endpoint}/${bucket}/${key}`, {
    method: 'PUT',
    headers: {
      'Content-Type': contentType,
      Date: date,
      Authorization: `AWS ${accessKeyId}:${signature}`,
    },
    body: text,
  });
  if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${await response.text()}`);
  return response.headers.get('etag') ?? '';
}
