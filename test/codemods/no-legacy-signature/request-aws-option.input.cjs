// The request package signs its aws option with SigV2 unless sign_version is 4.
const request = require('request');

function upload(url, body, accessKey, secretKey) {
  request.put({ url, body, aws: { key: accessKey, secret: secretKey, bucket: 'uploads' } });
}

const options = { uri: 'https://s3.amazonaws.com/reports', aws: { key: 'k', secret: 's', sign_version: 2 } };
request(options, () => {});

module.exports = { upload };
