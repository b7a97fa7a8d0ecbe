import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'ap-southeast-2', signatureVersion: 'v4' });

export const exportFileTarget = (key) => s3.getSignedUrl('putObject', { Bucket: 'exports', Key: key, ContentType: 'text/csv' });
