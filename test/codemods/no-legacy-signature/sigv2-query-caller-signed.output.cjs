// bin/list-topics.js: prints the account's SNS topics (cron helper from 2013, no SDK).
'use strict';

var https = require('https');
const { presignUrl } = require('sigv4-migrate/sigv4');

var SNS_HOST = 'sns.us-west-2.amazonaws.com';

function listTopicsQuery() {
  return 'Action=ListTopics' +
    '&Version=2010-03-31';
}

function listTopics(credentials, callback) {
  var query = listTopicsQuery();
  https.get(presignUrl({ method: 'GET', url: 'https://' + SNS_HOST + '/?' + query }, { service: 'sns', region: 'us-west-2', credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, expiresIn: 900 }).url, function (res) {
    var body = '';
    res.on('data', function (chunk) { body += chunk; });
    res.on('end', function () { callback(null, body); });
  }).on('error', callback);
}

module.exports = { listTopics: listTopics };
