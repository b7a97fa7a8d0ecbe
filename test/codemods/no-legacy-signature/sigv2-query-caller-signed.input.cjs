// bin/list-topics.js: prints the account's SNS topics (cron helper from 2013, no SDK).
'use strict';

var crypto = require('crypto');
var https = require('https');

var SNS_HOST = 'sns.us-west-2.amazonaws.com';

function escape(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, function (c) {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase();
  });
}

function listTopicsQuery(accessKeyId) {
  return 'AWSAccessKeyId=' + accessKeyId +
    '&Action=ListTopics' +
    '&SignatureMethod=HmacSHA1' +
    '&SignatureVersion=2' +
    '&Timestamp=' + escape(new Date().toISOString()) +
    '&Version=2010-03-31';
}

function sign(query, secretAccessKey) {
  var stringToSign = ['GET', SNS_HOST, '/', query].join('\n');
  return crypto.createHmac('sha1', secretAccessKey).update(stringToSign).digest('base64');
}

function listTopics(credentials, callback) {
  var query = listTopicsQuery(credentials.accessKeyId);
  https.get('https://' + SNS_HOST + '/?' + query + '&Signature=' + escape(sign(query, credentials.secretAccessKey)), function (res) {
    var body = '';
    res.on('data', function (chunk) { body += chunk; });
    res.on('end', function () { callback(null, body); });
  }).on('error', callback);
}

module.exports = { listTopics: listTopics };
