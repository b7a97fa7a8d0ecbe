// Share links for media, valid for a month.
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ signatureVersion: 'v4' });

export function shareLink(key) {
  return s3.getSignedUrl('getObject', { Bucket: 'media', Key: key, Expires: 604800 /* SigV4 maximum (7 days); was 2592000 */ });
}
