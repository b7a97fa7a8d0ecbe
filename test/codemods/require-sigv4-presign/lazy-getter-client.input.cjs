const AWS = require('aws-sdk');

let s3;
function storage() {
  if (!s3) s3 = new AWS.S3({ apiVersion: '2006-03-01' });
  return s3;
}

exports.link = (Key, ttl) => storage().getSignedUrl('getObject', { Bucket: 'media', Key, Expires: ttl });
