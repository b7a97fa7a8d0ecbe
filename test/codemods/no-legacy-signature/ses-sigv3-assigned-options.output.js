// Builds the SES request options step by step, signs them with SigV3 and sends them with request.
'use strict';

var querystring = require('querystring');
var request = require('request');
const { signRequest } = require('sigv4-migrate/sigv4');

var DEFAULTS = { endpoint: 'https://email.us-east-1.amazonaws.com/' };

function sesOptions(config, params) {
  var settings = Object.assign({}, DEFAULTS, config);
  var date = new Date().toUTCString();
  var options = { method: 'POST', uri: settings.endpoint };
  options.headers = {};
  options.headers['Content-Type'] = 'application/x-www-form-urlencoded';
  options.headers['X-Date'] = date;
  options.body = querystring.stringify(params);
  options.headers = signRequest({ method: options.method, url: options.uri, headers: options.headers, body: options.body }, { service: 'ses', region: /\bemail(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com\b/.exec(options.uri)?.[1] ?? 'us-east-1', credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }).headers;
  return options;
}

function sendEmail(config, params, callback) {
  request(sesOptions(config, params), function (error, response) {
    if (error) return callback(error);
    callback(null, response.statusCode);
  });
}

module.exports = { sesOptions: sesOptions, sendEmail: sendEmail };
