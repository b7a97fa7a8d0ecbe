// Sends SES mail with the request package, signed by hand with SigV3 (AWS3-HTTPS).
'use strict';

const querystring = require('querystring');
const request = require('request');
const { signRequest } = require('sigv4-migrate/sigv4');

const SES_URL = 'https://email.eu-west-1.amazonaws.com/';

function sendMail(params, accessKeyId, secretAccessKey, callback) {
  const body = querystring.stringify(params);
  const signed = signRequest({
    method: 'POST',
    url: SES_URL,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  }, { service: 'ses', region: 'eu-west-1', credentials: { accessKeyId, secretAccessKey } });
  request({
    method: 'POST',
    uri: signed.url,
    headers: signed.headers,
    body: body,
  }, function (error, response) {
    if (error) return callback(error);
    callback(null, response.statusCode);
  });
}

module.exports = { sendMail };
