import { S3 } from 'aws-sdk';

const s3 = new S3({ region: process.env.AWS_REGION });

export function exportLink(key: string, days?: number): string {
  const params: { Bucket: string; Key: string; Expires?: number } = { Bucket: 'exports', Key: key };
  params.Expires = days ? days * 86400 : 30 * 86400;
  return s3.getSignedUrl('getObject', params);
}
