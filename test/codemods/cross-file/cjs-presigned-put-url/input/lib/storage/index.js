const AWS = require('aws-sdk');

const s3 = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });

exports.reportUploadUrl = (key) =>
  s3.getSignedUrl('putObject', { Bucket: 'reports', Key: key, ContentType: 'application/pdf' });
