// src/lib/s3.mjs: S3 client and bucket names for the reporting service.
import AWS from 'aws-sdk';

const config = {
  region: process.env.REPORTS_REGION ?? 'us-east-1',
  maxRetries: 5,
};

export const s3 = new AWS.S3(config); // expect-across-files: require-sigv4-presign
export const REPORTS_BUCKET = process.env.REPORTS_BUCKET ?? 'monthly-reports';
