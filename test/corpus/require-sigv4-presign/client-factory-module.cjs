// lib/downloads.cjs: signed download links; the S3 client comes from a small factory.
const AWS = require('aws-sdk');

function makeS3(region) {
  return new AWS.S3({ region, apiVersion: '2006-03-01' }); // expect: require-sigv4-presign
}

const s3 = makeS3(process.env.DOWNLOADS_REGION || 'us-west-2');
const BUCKET = process.env.DOWNLOADS_BUCKET;

function downloadLink(key, callback) {
  const params = { Bucket: BUCKET, Key: key, Expires: 600 };
  s3.getSignedUrl('getObject', params, (err, url) => {
    if (err) {
      callback(new Error(`cannot sign ${key}: ${err.message}`));
      return;
    }
    callback(null, url);
  });
}

module.exports = { downloadLink };
