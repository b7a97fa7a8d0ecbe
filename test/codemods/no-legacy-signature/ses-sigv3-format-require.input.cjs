// SES through util.format on a required util, the credentials passed to the headers function one by one.
const crypto = require('crypto');
const https = require('https');
const util = require('util');
const AUTH = 'AWS3-HTTPS AWSAccessKeyId=%s, Algorithm=HmacSHA256, Signature=%s';

function sesHeaders(keyId, secret) {
  const date = new Date().toUTCString();
  const signature = crypto.createHmac('sha256', secret).update(date).digest('base64');
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Amz-Date': date,
    'X-Amzn-Authorization': util.format(AUTH, keyId, signature),
  };
}

function sendEmail(region, keys, params, callback) {
  const body = new URLSearchParams(params).toString();
  const req = https.request({
    hostname: `email.${region}.amazonaws.com`,
    method: 'POST',
    path: '/',
    headers: sesHeaders(keys.accessKeyId, keys.secretAccessKey),
  }, (res) => callback(null, res.statusCode));
  req.on('error', callback);
  req.end(body);
}

module.exports = { sendEmail };
