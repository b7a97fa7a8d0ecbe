import * as AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });

export const link = (key) =>
  s3.getSignedUrl('getObject', {
    Bucket: 'media',
    Key: key,
    Expires: 604800 /* SigV4 maximum (7 days); was 30 * 24 * 3600 */, // a month
  });
