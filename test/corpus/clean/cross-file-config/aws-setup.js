// config/aws.js: loaded first by server.js; every aws-sdk v2 client of the app signs with SigV4.
'use strict';

const AWS = require('aws-sdk');

AWS.config.update({
  region: process.env.AWS_REGION || 'us-east-1',
  signatureVersion: 'v4',
  maxRetries: 3,
});

module.exports = AWS;
