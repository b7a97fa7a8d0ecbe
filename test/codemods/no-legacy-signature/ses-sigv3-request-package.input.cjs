// Sends SES mail with the request package, signed by hand with SigV3 (AWS3-HTTPS).
'use strict';

const crypto = require('crypto');
const querystring = require('querystring');
const request = require('request');

const SES_URL = 'https://email.eu-west-1.amazonaws.com/';

function sendMail(params, accessKeyId, secretAccessKey, callback) {
  const date = new Date().toUTCString();
  const signature = crypto.createHmac('sha256', secretAccessKey).update(date).digest('base64');
  const body = querystring.stringify(params);
  request({
    method: 'POST',
    uri: SES_URL,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Date: date,
      'X-Amzn-Authorization': 'AWS3-HTTPS AWSAccessKeyId=' + accessKeyId + ', Algorithm=HmacSHA256, Signature=' + signature,
    },
    body: body,
  }, function (error, response) {
    if (error) return callback(error);
    callback(null, response.statusCode);
  });
}

module.exports = { sendMail };
