// An SES mailer in the constructor-and-prototype style: the date and the HMAC live on the instance,
// headers() fills an AWS3-HTTPS template, send() posts with the request package.
'use strict';

var crypto = require('crypto');
var querystring = require('querystring');
var request = require('request');
const { signRequest } = require('sigv4-migrate/sigv4');

var DEFAULT_AMAZON = 'https://email.eu-west-1.amazonaws.com';

function Mailer(options) {
  this.key = options.key;
  this.secret = options.secret;
  this.amazon = options.amazon || DEFAULT_AMAZON;
  this.date = new Date().toUTCString();
}

Mailer.prototype.signature = function () {
  return crypto.createHmac('sha256', this.secret).update(this.date).digest('base64');
};

Mailer.prototype.headers = function () {
  var headers = {};
  headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return headers;
};

Mailer.prototype.data = function (params) {
  return querystring.stringify(params);
};

Mailer.prototype.send = function (params, callback) {
  const body = this.data(params);
  const signed = signRequest({
    method: 'POST',
    url: this.amazon + '/',
    headers: this.headers(),
    body
  }, { service: 'ses', region: /\bemail(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com\b/.exec(this.amazon + '/')?.[1] ?? 'eu-west-1', credentials: { accessKeyId: this.key, secretAccessKey: this.secret } });
  request({
    uri: signed.url,
    method: 'POST',
    headers: signed.headers,
    body,
  }, function (error, response) {
    if (error) return callback(error);
    callback(null, response.statusCode);
  });
};

module.exports = Mailer;
