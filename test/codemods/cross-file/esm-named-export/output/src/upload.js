import { s3 } from './s3.js';

export function downloadLink(Key) {
  return s3.getSignedUrl('getObject', { Bucket: 'media', Key });
}

export function shortLink(Key) {
  return s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: 3600 });
}
