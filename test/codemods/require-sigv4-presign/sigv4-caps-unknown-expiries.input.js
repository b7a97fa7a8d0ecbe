// Adding SigV4 to a client caps each of its presigns' expiries that are not provably within 7 days.
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export const link = (Key, ttl) => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: ttl });

export const fallback = (Key, options) => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: options.expires || 900 });

export const short = (Key) => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: 60 });
