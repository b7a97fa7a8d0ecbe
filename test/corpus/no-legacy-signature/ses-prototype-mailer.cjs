// lib/mailer.js of an in-house notification service (2014): SES through the request package, signed by hand.
'use strict';

var crypto = require('crypto');
var querystring = require('querystring');
var request = require('request');

var AMAZON = 'https://email.us-east-1.amazonaws.com';
var AUTH = ['AWS3-HTTPS AWSAccessKeyId={key}', 'Algorithm=HmacSHA256', 'Signature={signature}'].join(', '); // expect: no-legacy-signature

function Notification(options) {
  this.key = options.key;
  this.secret = options.secret;
  this.amazon = options.amazon || AMAZON;
  this.from = options.from;
  this.date = new Date().toUTCString();
}

Notification.prototype.signature = function () {
  return crypto.createHmac('sha256', this.secret).update(this.date).digest('base64');
};

Notification.prototype.headers = function () {
  var headers = {};
  headers.Date = this.date;
  headers['X-Amzn-Authorization'] = AUTH.replace('{key}', this.key).replace('{signature}', this.signature()); // expect: no-legacy-signature
  return headers;
};

Notification.prototype.data = function (to, subject, text) {
  return querystring.stringify({
    Action: 'SendEmail',
    Source: this.from,
    'Destination.ToAddresses.member.1': to,
    'Message.Subject.Data': subject,
    'Message.Body.Text.Data': text,
  });
};

Notification.prototype.send = function (to, subject, text, callback) {
  request({ uri: this.amazon + '/', method: 'POST', headers: this.headers(), body: this.data(to, subject, text) }, function (err, res, body) {
    if (err) return callback(err);
    if (res.statusCode >= 400) return callback(new Error('SES ' + res.statusCode + ': ' + body));
    callback(null, body);
  });
};

module.exports = Notification;
