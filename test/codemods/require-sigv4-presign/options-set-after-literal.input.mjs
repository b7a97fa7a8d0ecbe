import AWS from 'aws-sdk';

const s3Options = { apiVersion: '2006-03-01' };
s3Options.region = process.env.S3_REGION;
s3Options.httpOptions = { timeout: 5000 };

const s3 = new AWS.S3(s3Options);

export const download = (Key) => s3.getSignedUrl('getObject', { Bucket: 'docs', Key, Expires: 3600 });
