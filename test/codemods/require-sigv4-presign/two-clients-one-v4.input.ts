import AWS from 'aws-sdk';

const signed = new AWS.S3({ signatureVersion: 'v4' });
const legacy = new AWS.S3({
  region: 'sa-east-1', // São Paulo
  // keep retries low: links are cheap
  maxRetries: 1
});

export const a = (Key: string) => signed.getSignedUrl('getObject', { Bucket: 'a', Key, Expires: 3600 });
export const b = (Key: string) => legacy.getSignedUrl('getObject', { Bucket: 'b', Key, Expires: 3600 });
