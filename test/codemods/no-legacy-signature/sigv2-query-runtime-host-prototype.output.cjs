// lib/sqs.js: the job queue's client, in the prototype style of 2012 (no SDK); the queue URL comes
// from the deployment's settings, so the host it signs for is only known at run time.
'use strict';

var url = require('url');
const { regionFromHost, presignUrl } = require('sigv4-migrate/sigv4');

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
  });
  var query = Object.keys(params).sort().map(function (name) {
    return rfc3986(name) + '=' + rfc3986(String(params[name]));
  }).join('&');
  return presignUrl({ method: 'GET', url: 'https://' + self.endpoint.host + self.endpoint.pathname + '?' + query }, { service: 'sqs', region: regionFromHost(self.endpoint.host), credentials: { accessKeyId: self.accessKeyId, secretAccessKey: self.secretAccessKey }, expiresIn: 900 }).url.replace(/^[^?]*\?/, '');
};

Queue.prototype.sendMessageUrl = function (body) {
  return this.endpoint.protocol + '//' + this.endpoint.host + this.endpoint.pathname + '?' + this.query('SendMessage', { MessageBody: body });
};

module.exports = Queue;
