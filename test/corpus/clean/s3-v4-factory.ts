// src/aws/s3.ts: every S3 client comes from this factory, which pins SigV4 for presigned URLs.
import { S3 } from 'aws-sdk';

const BASE_OPTIONS: S3.ClientConfiguration = {
  apiVersion: '2006-03-01',
  signatureVersion: 'v4',
  region: process.env.AWS_REGION ?? 'eu-west-1',
};

export function createS3(overrides: Omit<S3.ClientConfiguration, 'signatureVersion'> = {}): S3 {
  return new S3({ ...BASE_OPTIONS, ...overrides });
}

const media = createS3({ params: { Bucket: process.env.MEDIA_BUCKET ?? 'media' } });

export function mediaLink(key: string, seconds = 3600): Promise<string> {
  return media.getSignedUrlPromise('getObject', { Key: key, Expires: Math.min(seconds, 604800) });
}

export function mediaUploadLink(key: string, contentType: string): Promise<string> {
  return media.getSignedUrlPromise('putObject', { Key: key, ContentType: contentType, Expires: 600 });
}
