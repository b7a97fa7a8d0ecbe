// Uploads a report through a presigned URL.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({});

export async function uploadReport(key: string, pdf: Uint8Array) {
  const uploadUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'reports', Key: key, ContentType: 'application/pdf' }), {
    expiresIn: 300,
  });
  const response = await fetch(uploadUrl, {
    method: 'PUT',
    body: pdf, // raw bytes
  });
  return response.status;
}
