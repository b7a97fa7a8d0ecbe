// A small SQS client in the prototype style of 2012-era node libraries (no SDK dependency).
'use strict';

var crypto = require('crypto');
var https = require('https');
var url = require('url');

function escape(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, function (c) {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase();
  });
}

function QueueClient(options) {
  this.accessKeyId = options.accessKeyId;
  this.secretAccessKey = options.secretAccessKey;
  this.queueUrl = url.parse(options.queueUrl);
}

QueueClient.prototype.version = function () {
  return '2012-11-05';
};

QueueClient.prototype.signatureVersion = function () {
  return 2;
};

QueueClient.prototype.signatureMethod = function () {
  return 'HmacSHA256';
};

QueueClient.prototype.signedQuery = function (action, extra) {
  var self = this;
  var params = [];
  params.push({ name: 'Action', value: action });
  params.push({ name: 'AWSAccessKeyId', value: self.accessKeyId });
  params.push({ name: 'SignatureMethod', value: self.signatureMethod() });
  params.push({ name: 'SignatureVersion', value: self.signatureVersion() }); // expect: no-legacy-signature
  params.push({ name: 'Timestamp', value: new Date().toISOString() });
  params.push({ name: 'Version', value: self.version() });
  Object.keys(extra || {}).forEach(function (name) {
    params.push({ name: name, value: String(extra[name]) });
  });
  params.sort(function (a, b) {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  var query = params.map(function (p) { return escape(p.name) + '=' + escape(p.value); }).join('&');
  var toSign = ['GET', self.queueUrl.host, self.queueUrl.pathname, query].join('\n');
  var signature = crypto.createHmac('sha256', self.secretAccessKey).update(toSign).digest('base64');
  return query + '&Signature=' + escape(signature);
};

QueueClient.prototype.call = function (action, extra, callback) {
  var path = this.queueUrl.pathname + '?' + this.signedQuery(action, extra);
  https.get({ host: this.queueUrl.host, path: path }, function (res) {
    var body = '';
    res.on('data', function (chunk) { body += chunk; });
    res.on('end', function () {
      if (res.statusCode >= 400) return callback(new Error('SQS ' + action + ' failed: ' + body));
      callback(null, body);
    });
  }).on('error', callback);
};

QueueClient.prototype.sendMessage = function (text, callback) {
  this.call('SendMessage', { MessageBody: text }, callback);
};

QueueClient.prototype.receiveMessage = function (max, callback) {
  this.call('ReceiveMessage', { MaxNumberOfMessages: max, WaitTimeSeconds: 20 }, callback);
};

module.exports = QueueClient;
