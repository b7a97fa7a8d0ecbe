// lib/notify/ses.js: sends alert e-mails through SES with the `request` module (callback style).
'use strict';

var crypto = require('crypto');
var qs = require('querystring');
var request = require('request');
var debug = require('debug')('notify:ses');

var DEFAULTS = {
  endpoint: 'https://email.us-east-1.amazonaws.com/',
  algorithm: 'HmacSHA256',
  secure: true,
};

function hmac(algorithm, secret, text) {
  var name = algorithm === 'HmacSHA1' ? 'sha1' : 'sha256';
  return crypto.createHmac(name, secret).update(text).digest('base64');
}

function buildRequest(opts, form) {
  var settings = Object.assign({}, DEFAULTS, opts);
  var scheme = settings.secure === false ? 'AWS3' : 'AWS3-HTTPS';
  var now = new Date().toUTCString();
  var options = { uri: settings.endpoint, method: 'POST' };

  options.headers = {};
  options.headers.Date = now;
  options.headers['Content-Type'] = 'application/x-www-form-urlencoded';
  options.headers['X-Amzn-Authorization'] = scheme + ' AWSAccessKeyId=' + settings.key + ', Algorithm=' + settings.algorithm + ', Signature=' + hmac(settings.algorithm, settings.secret, now); // expect: no-legacy-signature
  options.body = qs.stringify(form);
  return options;
}

function sendAlert(opts, alert, callback) {
  var form = {
    Action: 'SendEmail',
    Source: opts.from,
    'Destination.ToAddresses.member.1': alert.to,
    'Message.Subject.Data': '[' + alert.level.toUpperCase() + '] ' + alert.title,
    'Message.Body.Text.Data': alert.text,
  };
  var options = buildRequest(opts, form);
  debug('sending %s alert to %s', alert.level, alert.to);
  request(options, function (err, res, body) {
    if (err) return callback(err);
    if (res.statusCode !== 200) {
      var error = new Error('SES responded ' + res.statusCode);
      error.body = body;
      return callback(error);
    }
    callback(null, body);
  });
}

module.exports = {
  sendAlert: sendAlert,
  buildRequest: buildRequest,
};
