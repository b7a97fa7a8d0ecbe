const AWS = require('aws-sdk');

const s3 = new AWS.S3({ region: 'eu-west-1', signatureVersion: 'v4' });
const headObject = (params) => s3.headObject(params).promise();

const LINK_TTL = parseInt(process.env.LINK_TTL, 10) || 2592000;

async function attachmentLink(Key) {
  const params = { Bucket: 'attachments', Key, Expires: LINK_TTL };
  await headObject({ Bucket: params.Bucket, Key: params.Key });
  return s3.getSignedUrl('getObject', params);
}

module.exports = { attachmentLink };
