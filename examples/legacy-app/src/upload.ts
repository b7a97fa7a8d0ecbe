// Lets the billing job upload invoices straight to S3 through a presigned URL.
import AWS from 'aws-sdk';

const s3 = new AWS.S3({
  region: 'us-east-1',
  endpoint: process.env.AWS_ENDPOINT_URL_S3,
  s3ForcePathStyle: true,
  signatureVersion: 'v4',
});

const BUCKET = process.env.REPORTS_BUCKET ?? 'reports';

export function createInvoiceUploadUrl(key: string): string {
  return s3.getSignedUrl('putObject', {
    Bucket: BUCKET,
    Key: key,
    ContentType: 'application/pdf',
    Expires: 300,
  });
}

export async function uploadInvoice(key: string, pdf: Uint8Array): Promise<number> {
  const uploadUrl = createInvoiceUploadUrl(key);
  const response = await fetch(uploadUrl, { method: 'PUT', body: pdf });
  if (!response.ok) {
    throw new Error(`PUT invoice failed: ${response.status} ${await response.text()}`);
  }
  return response.status;
}
