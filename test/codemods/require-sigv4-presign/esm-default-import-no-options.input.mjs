// Share links for media, valid for a month.
import AWS from 'aws-sdk';

const s3 = new AWS.S3();

export function shareLink(key) {
  return s3.getSignedUrl('getObject', { Bucket: 'media', Key: key, Expires: 2592000 });
}
