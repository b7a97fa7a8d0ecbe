import AWS from './index.mjs';

const storage = new AWS.S3({ region: process.env.BUCKET_REGION });

export function downloadLink(Key, seconds) {
  return storage.getSignedUrlPromise('getObject', { Bucket: 'reports', Key, Expires: seconds });
}
