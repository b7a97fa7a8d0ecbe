import { s3 } from './aws';

const ONE_HOUR = 60 * 60;

export const link = (Key: string): string => s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: ONE_HOUR });

export const archiveLink = (Key: string): string => s3.getSignedUrl('getObject', { Bucket: 'archive', Key, Expires: 30 * 24 * ONE_HOUR });
