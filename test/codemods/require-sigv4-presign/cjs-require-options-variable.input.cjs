const AWS = require('aws-sdk');

const options = {
  region: 'eu-west-1',
  httpOptions: { timeout: 5000 },
};

const s3 = new AWS.S3(options);

exports.link = (key) => s3.getSignedUrl('getObject', { Bucket: 'media', Key: key, Expires: 1209600 });
