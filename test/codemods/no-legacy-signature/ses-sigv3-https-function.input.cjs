// Sends a notification through SES with Node's https module (no SDK in this service).
'use strict';

const crypto = require('crypto');
const https = require('https');

const SES_HOST = 'email.ap-southeast-2.amazonaws.com';

function sendNotification(params, accessKeyId, secretAccessKey, callback) {
  const body = new URLSearchParams(params).toString();
  const date = new Date().toUTCString();
  const signature = crypto.createHmac('sha256', secretAccessKey).update(date).digest('base64');
  const auth = 'AWS3-HTTPS AWSAccessKeyId=' + accessKeyId + ',Algorithm=HmacSHA256,Signature=' + signature;
  const req = https.request({
    host: SES_HOST,
    method: 'POST',
    path: '/',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Date: date,
      'X-Amzn-Authorization': auth,
    },
  }, (res) => callback(null, res.statusCode));
  req.on('error', callback);
  req.end(body);
}

module.exports = { sendNotification };
