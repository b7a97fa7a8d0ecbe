const S3 = require('aws-sdk/clients/s3');

exports.s3 = new S3({ apiVersion: '2006-03-01' });
