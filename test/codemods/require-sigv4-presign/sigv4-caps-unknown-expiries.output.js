// Adding SigV4 to a client caps each of its presigns' expiries that are not provably within 7 days.
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });

export const link = (Key, ttl) => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: Math.min(ttl, 604800) });

export const fallback = (Key, options) => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: Math.min(options.expires || 900, 604800) });

export const short = (Key) => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: 60 });
