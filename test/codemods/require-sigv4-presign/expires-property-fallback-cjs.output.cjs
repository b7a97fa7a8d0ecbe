const AWS = require('aws-sdk');

const s3 = new AWS.S3({ region: 'us-west-2', signatureVersion: 'v4' });

exports.link = (key) => s3.getSignedUrl('getObject', { Bucket: 'b', Key: key, Expires: Math.min(parseInt(process.env.TTL, 10) || 2592000, 604800) });
