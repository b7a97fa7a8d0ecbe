const AWS = require('aws-sdk');

exports.queue = new AWS.SQS({ region: 'eu-west-1', signatureVersion: process.env.LEGACY_SIGNING === '1' ? "v2" : "v4" });
