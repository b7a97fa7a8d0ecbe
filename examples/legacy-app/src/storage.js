// Keeps generated reports in S3. The client was configured years ago for an S3-compatible store.
import AWS from 'aws-sdk';

const s3 = new AWS.S3({
  region: process.env.AWS_REGION ?? 'us-east-1',
  // aws-sdk v2 does not read AWS_ENDPOINT_URL_S3 by itself.
  endpoint: process.env.AWS_ENDPOINT_URL_S3,
  s3ForcePathStyle: true,
  signatureVersion: 'v2',
});

const BUCKET = process.env.REPORTS_BUCKET ?? 'reports';

export async function saveReport(key, csv) {
  const result = await s3
    .putObject({ Bucket: BUCKET, Key: key, Body: csv, ContentType: 'text/csv' })
    .promise();
  return result.ETag;
}
