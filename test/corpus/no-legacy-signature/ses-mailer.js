// Minimal SES client for transactional mail, written before the SDK was a dependency of this app.
'use strict';

var https = require('https');
var crypto = require('crypto');
var querystring = require('querystring');

var SES_HOST = 'email.us-east-1.amazonaws.com';
var AUTH_TEMPLATE = 'AWS3-HTTPS AWSAccessKeyId={key}, Algorithm={algorithm}, Signature={signature}'; // expect: no-legacy-signature

function SesMailer(options) {
  if (!options || !options.key || !options.secret) {
    throw new Error('SesMailer needs key and secret');
  }
  this.key = options.key;
  this.secret = options.secret;
  this.algorithm = options.algorithm || 'HmacSHA256';
  this.host = options.host || SES_HOST;
}

SesMailer.prototype.sign = function (date) {
  var hmacName = this.algorithm === 'HmacSHA1' ? 'sha1' : 'sha256';
  return crypto.createHmac(hmacName, this.secret).update(date).digest('base64');
};

SesMailer.prototype.headers = function (body) {
  var date = new Date().toUTCString();
  var authorization = AUTH_TEMPLATE
    .replace('{key}', this.key)
    .replace('{algorithm}', this.algorithm)
    .replace('{signature}', this.sign(date));
  return {
    Date: date,
    Host: this.host,
    'Content-Type': 'application/x-www-form-urlencoded',
    'Content-Length': Buffer.byteLength(body),
    'X-Amzn-Authorization': authorization, // expect: no-legacy-signature
  };
};

SesMailer.prototype.send = function (message, callback) {
  var params = {
    Action: 'SendEmail',
    Source: message.from,
    'Destination.ToAddresses.member.1': message.to,
    'Message.Subject.Data': message.subject,
    'Message.Body.Text.Data': message.text,
  };
  var body = querystring.stringify(params);
  var req = https.request({ host: this.host, path: '/', method: 'POST', headers: this.headers(body) }, function (res) {
    var chunks = [];
    res.on('data', function (chunk) { chunks.push(chunk); });
    res.on('end', function () {
      var text = Buffer.concat(chunks).toString('utf8');
      if (res.statusCode >= 400) return callback(new Error('SES ' + res.statusCode + ': ' + text));
      callback(null, text);
    });
  });
  req.on('error', callback);
  req.end(body);
};

// Older deployments set the header by hand through a shared helper.
function legacyAuthorization(key, signature) {
  return 'AWS3-HTTPS AWSAccessKeyId=' + key + ',Algorithm=HmacSHA256,Signature=' + signature; // expect: no-legacy-signature
}

module.exports = SesMailer;
module.exports.legacyAuthorization = legacyAuthorization;
