// SDK v3 clients ignore signatureVersion: the dead option goes.
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';

export const s3 = new S3Client({
  region: 'us-east-1',
  forcePathStyle: true,
});

export const ses = new SESClient({});
