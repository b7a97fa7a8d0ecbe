// Shared aws-sdk v2 S3 client for the uploads module (imported by upload-url.ts and the cleanup job).
import { S3 } from 'aws-sdk';

export const bucket = process.env.UPLOADS_BUCKET ?? 'uploads';

export default new S3({ // expect-across-files: require-sigv4-presign
  apiVersion: '2006-03-01',
  region: process.env.AWS_REGION,
});
