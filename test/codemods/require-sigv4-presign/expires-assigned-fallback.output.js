const { S3 } = require('aws-sdk');

const { AWS_REGION: region, LINK_EXPIRES } = process.env;
const s3 = new S3({ region, signatureVersion: 'v4' });
const DEFAULT_EXPIRES = 60 * 60 * 24 * 30;

function presign(key) {
  const params = { Bucket: 'recordings' };
  params.Key = key;
  params.Expires = Math.min(LINK_EXPIRES ? Number(LINK_EXPIRES) : DEFAULT_EXPIRES, 604800);
  return new Promise((resolve, reject) => {
    s3.getSignedUrl('getObject', params, (err, url) => (err ? reject(err) : resolve(url)));
  });
}

module.exports = { presign };
