const AWS = require('aws-sdk');

const clientOptions = {
  region: 'us-east-1',
  signatureVersion: 'v4',
};
clientOptions.accessKeyId = process.env.EXPORT_AWS_KEY;

const s3 = new AWS.S3(clientOptions);

exports.link = (Key) => s3.getSignedUrl('getObject', { Bucket: 'exports', Key });
