// Sends a notification through SES with Node's https module (no SDK in this service).
'use strict';

const https = require('https');
const { signRequest } = require('sigv4-migrate/sigv4');

const SES_HOST = 'email.ap-southeast-2.amazonaws.com';

function sendNotification(params, accessKeyId, secretAccessKey, callback) {
  const body = new URLSearchParams(params).toString();
  const req = https.request({
    host: SES_HOST,
    method: 'POST',
    path: '/',
    headers: signRequest({
      method: 'POST',
      url: `https://${SES_HOST}/`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    }, { service: 'ses', region: 'ap-southeast-2', credentials: { accessKeyId, secretAccessKey } }).headers,
  }, (res) => callback(null, res.statusCode));
  req.on('error', callback);
  req.end(body);
}

module.exports = { sendNotification };
