// aws/s3.js: the one S3 client of the app, shared by every route (required as '../aws/s3').
'use strict';

const AWS = require('aws-sdk');

const s3 = new AWS.S3({ // expect-across-files: require-sigv4-presign
  region: process.env.AWS_REGION || 'us-east-1',
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
});

module.exports = s3;
