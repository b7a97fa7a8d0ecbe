const AWS = require('aws-sdk');

exports.queue = new AWS.SQS({ region: 'eu-west-1', signatureVersion: "v4" });
