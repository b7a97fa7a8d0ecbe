// Shared aws-sdk v2 clients for the reporting service; the S3-compatible archive runs on MinIO.
import * as AWS from 'aws-sdk';
import S3 from 'aws-sdk/clients/s3';
import { SES } from 'aws-sdk';

const region = process.env.AWS_REGION ?? 'us-east-1';

AWS.config.update({
  region,
  maxRetries: 3,
  signatureVersion: 'v3', // expect: no-legacy-signature
});

const baseS3Options: S3.ClientConfiguration = {
  apiVersion: '2006-03-01',
  signatureVersion: 's3', // expect: no-legacy-signature
};

export const reports = new S3({ ...baseS3Options, region });

export const mailer = new SES({ apiVersion: '2010-12-01', signatureVersion: "v3https" }); // expect: no-legacy-signature

// On-premise MinIO that the archive team keeps on SigV2.
export const archive = new AWS.S3({
  endpoint: 'http://minio.internal:9000',
  s3ForcePathStyle: true,
  signatureVersion: 'v2', // expect: no-legacy-signature
});

// Already migrated: must stay quiet.
export const analytics = new AWS.S3({ region, signatureVersion: 'v4' });
export const queue = new AWS.SQS({ region, endpoint: process.env.AWS_ENDPOINT_URL });

export function useLegacySignerForTests(): void {
  AWS.config.signatureVersion = 'v2'; // expect: no-legacy-signature
}
