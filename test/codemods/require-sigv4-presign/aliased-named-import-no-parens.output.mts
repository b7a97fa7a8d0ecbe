import { S3 as Client } from 'aws-sdk';

// Constructed without parentheses, as an old style guide asked.
const s3 = new Client({ signatureVersion: 'v4' });

export const link = (Key: string): Promise<string> =>
  s3.getSignedUrlPromise('getObject', { Bucket: 'media', Key, Expires: 604800 /* SigV4 maximum (7 days); was 8 * 24 * 60 * 60 */ });
