// Builds the SES request options step by step, signs them with SigV3 and sends them with request.
'use strict';

var crypto = require('crypto');
var querystring = require('querystring');
var request = require('request');

var DEFAULTS = { endpoint: 'https://email.us-east-1.amazonaws.com/' };

function hmacSha256(secret, text) {
  return crypto.createHmac('sha256', secret).update(text).digest('base64');
}

function sesOptions(config, params) {
  var settings = Object.assign({}, DEFAULTS, config);
  var date = new Date().toUTCString();
  var options = { method: 'POST', uri: settings.endpoint };
  options.headers = {};
  options.headers['Content-Type'] = 'application/x-www-form-urlencoded';
  options.headers['X-Date'] = date;
  options.headers['X-Amzn-Authorization'] = 'AWS3-HTTPS AWSAccessKeyId=' + settings.accessKeyId + ', Algorithm=HmacSHA256, Signature=' + hmacSha256(settings.secretAccessKey, date);
  options.body = querystring.stringify(params);
  return options;
}

function sendEmail(config, params, callback) {
  request(sesOptions(config, params), function (error, response) {
    if (error) return callback(error);
    callback(null, response.statusCode);
  });
}

module.exports = { sesOptions: sesOptions, sendEmail: sendEmail };
