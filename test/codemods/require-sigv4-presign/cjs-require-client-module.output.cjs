// Hands out download links for stored reports.
const S3 = require('aws-sdk/clients/s3');

const s3 = new S3({
  region: 'us-east-1',
  endpoint: process.env.AWS_ENDPOINT_URL_S3,
  s3ForcePathStyle: true,
  signatureVersion: 'v4',
});

function archiveLink(key) {
  return s3.getSignedUrl('getObject', { Bucket: 'reports', Key: key, Expires: 604800 /* SigV4 maximum (7 days); was THIRTY_DAYS */ });
}

module.exports = { archiveLink };
