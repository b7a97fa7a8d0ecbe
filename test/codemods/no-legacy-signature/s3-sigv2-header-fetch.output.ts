// Reads tenant settings from S3 with a GET signed by hand (S3 Signature Version 2).
import { signRequest } from 'sigv4-migrate/sigv4';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export async function readSettings(credentials: S3Credentials, tenant: string): Promise<unknown> {
  const signed = signRequest({
    method: 'GET',
    url: `https://acme-settings.s3.eu-central-1.amazonaws.com/${tenant}.json`
  }, { service: 's3', region: 'eu-central-1', credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey } });
  const response = await fetch(signed.url, { headers: signed.headers });
  if (!response.ok) throw new Error(`settings for ${tenant}: ${response.status}`);
  return response.json();
}
