import { archive, s3 } from './s3.mjs';

export function reportLink(key) {
  return s3.getSignedUrlPromise('getObject', { Bucket: 'reports', Key: key, Expires: 3600 });
}

export function archiveLink(key) {
  return archive.getSignedUrlPromise('getObject', { Bucket: 'archive', Key: key, Expires: 3600 });
}
