// lib/sqs.js: the job queue's client, in the prototype style of 2012 (no SDK); the queue URL comes
// from the deployment's settings, so the host it signs for is only known at run time.
'use strict';

var crypto = require('crypto');
var url = require('url');

var API_VERSION = '2012-11-05';

function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, function (c) {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase();
  });
}

function Queue(queueUrl, accessKeyId, secretAccessKey) {
  this.endpoint = url.parse(queueUrl);
  this.accessKeyId = accessKeyId;
  this.secretAccessKey = secretAccessKey;
}

Queue.prototype.query = function (action, extra) {
  var self = this;
  var params = Object.assign({}, extra, {
    Action: action,
    Version: API_VERSION,
    AWSAccessKeyId: self.accessKeyId,
    SignatureMethod: 'HmacSHA256',
    SignatureVersion: '2',
    Timestamp: new Date().toISOString()
  });
  var query = Object.keys(params).sort().map(function (name) {
    return rfc3986(name) + '=' + rfc3986(String(params[name]));
  }).join('&');
  var stringToSign = ['GET', self.endpoint.host, self.endpoint.pathname, query].join('\n');
  var signature = crypto.createHmac('sha256', self.secretAccessKey).update(stringToSign).digest('base64');
  return query + '&Signature=' + rfc3986(signature);
};

Queue.prototype.sendMessageUrl = function (body) {
  return this.endpoint.protocol + '//' + this.endpoint.host + this.endpoint.pathname + '?' + this.query('SendMessage', { MessageBody: body });
};

module.exports = Queue;
