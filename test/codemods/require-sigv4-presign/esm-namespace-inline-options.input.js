import * as AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export const link = (key) =>
  s3.getSignedUrl('getObject', {
    Bucket: 'media',
    Key: key,
    Expires: 30 * 24 * 3600, // a month
  });
