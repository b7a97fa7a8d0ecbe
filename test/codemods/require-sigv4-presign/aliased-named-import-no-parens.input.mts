import { S3 as Client } from 'aws-sdk';

// Constructed without parentheses, as an old style guide asked.
const s3 = new Client;

export const link = (Key: string): Promise<string> =>
  s3.getSignedUrlPromise('getObject', { Bucket: 'media', Key, Expires: 8 * 24 * 60 * 60 });
