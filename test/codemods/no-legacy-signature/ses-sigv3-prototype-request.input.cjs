// An SES mailer in the constructor-and-prototype style: the date and the HMAC live on the instance,
// headers() fills an AWS3-HTTPS template, send() posts with the request package.
'use strict';

var crypto = require('crypto');
var querystring = require('querystring');
var request = require('request');

var DEFAULT_AMAZON = 'https://email.eu-west-1.amazonaws.com';
var AUTH_PATTERN = 'AWS3-HTTPS AWSAccessKeyId={key}, Algorithm=HmacSHA256, Signature={signature}';

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
  headers.Date = this.date;
  headers['X-Amzn-Authorization'] = AUTH_PATTERN
    .replace('{key}', this.key)
    .replace('{signature}', this.signature());
  return headers;
};

Mailer.prototype.data = function (params) {
  return querystring.stringify(params);
};

Mailer.prototype.send = function (params, callback) {
  request({
    uri: this.amazon + '/',
    method: 'POST',
    headers: this.headers(),
    body: this.data(params),
  }, function (error, response) {
    if (error) return callback(error);
    callback(null, response.statusCode);
  });
};

module.exports = Mailer;
