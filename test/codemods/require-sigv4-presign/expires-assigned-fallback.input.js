const { S3 } = require('aws-sdk');

const { AWS_REGION: region, LINK_EXPIRES } = process.env;
const s3 = new S3({ region });
const DEFAULT_EXPIRES = 60 * 60 * 24 * 30;

function presign(key) {
  const params = { Bucket: 'recordings' };
  params.Key = key;
  params.Expires = LINK_EXPIRES ? Number(LINK_EXPIRES) : DEFAULT_EXPIRES;
  return new Promise((resolve, reject) => {
    s3.getSignedUrl('getObject', params, (err, url) => (err ? reject(err) : resolve(url)));
  });
}

module.exports = { presign };
