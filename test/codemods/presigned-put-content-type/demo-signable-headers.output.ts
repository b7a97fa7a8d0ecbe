// Lets the billing job upload invoices straight to S3 through a presigned URL.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1', forcePathStyle: true });

const BUCKET = process.env.REPORTS_BUCKET ?? 'reports';

export function createInvoiceUploadUrl(key: string): Promise<string> {
  const command = new PutObjectCommand({ Bucket: BUCKET, Key: key, ContentType: 'application/pdf' });
  // Signing content-type makes S3 refuse anything but a PDF at this URL.
  return getSignedUrl(s3, command, { expiresIn: 300, signableHeaders: new Set(['content-type']) });
}

export async function uploadInvoice(key: string, pdf: Uint8Array<ArrayBuffer>): Promise<number> {
  const uploadUrl = await createInvoiceUploadUrl(key);
  const response = await fetch(uploadUrl, { method: 'PUT', body: pdf, headers: { 'Content-Type': 'application/pdf' } });
  if (!response.ok) {
    throw new Error(`PUT invoice failed: ${response.status} ${await response.text()}`);
  }
  return response.status;
}
