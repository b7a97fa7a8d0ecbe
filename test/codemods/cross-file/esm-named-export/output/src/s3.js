// The S3 client, built once for the app.
import AWS from 'aws-sdk';

export const s3 = new AWS.S3({
  region: 'us-east-1',
  signatureVersion: 'v4',
});
