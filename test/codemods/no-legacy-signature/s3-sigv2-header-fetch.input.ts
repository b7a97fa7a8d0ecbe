// Reads tenant settings from S3 with a GET signed by hand (S3 Signature Version 2).
import crypto from 'node:crypto';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

function sign(secret: string, text: string): string {
  return crypto.createHmac('sha1', secret).update(text, 'utf8').digest('base64');
}

export async function readSettings(credentials: S3Credentials, tenant: string): Promise<unknown> {
  const date = new Date().toUTCString();
  const signature = sign(credentials.secretAccessKey, `GET\n\n\n${date}\n/acme-settings/${tenant}.json`);
  const headers = {
    Date: date,
    Authorization: `AWS ${credentials.accessKeyId}:${signature}`,
  };
  const response = await fetch(`https://acme-settings.s3.eu-central-1.amazonaws.com/${tenant}.json`, { headers });
  if (!response.ok) throw new Error(`settings for ${tenant}: ${response.status}`);
  return response.json();
}
