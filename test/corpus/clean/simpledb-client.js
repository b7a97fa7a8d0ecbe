// lib/sdb.js: SimpleDB for the legacy feature-flag store. SimpleDB has never supported SigV4; its
// Query API is signed with Signature Version 2 (HmacSHA256) by design.
'use strict';

const crypto = require('crypto');
const https = require('https');

const SDB_HOST = 'sdb.amazonaws.com';
const SDB_VERSION = '2009-04-15';

function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function signedQuery(action, params, credentials) {
  const query = Object.assign({}, params, {
    Action: action,
    AWSAccessKeyId: credentials.accessKeyId,
    SignatureMethod: 'HmacSHA256',
    SignatureVersion: '2',
    Timestamp: new Date().toISOString(),
    Version: SDB_VERSION,
  });
  const canonical = Object.keys(query)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(String(query[name]))}`)
    .join('&');
  const signature = crypto
    .createHmac('sha256', credentials.secretAccessKey)
    .update(['GET', SDB_HOST, '/', canonical].join('\n'))
    .digest('base64');
  return `${canonical}&Signature=${rfc3986(signature)}`;
}

function select(expression, credentials) {
  const path = '/?' + signedQuery('Select', { SelectExpression: expression }, credentials);
  return new Promise((resolve, reject) => {
    https
      .get({ host: SDB_HOST, path }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`SimpleDB ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

module.exports = { select, signedQuery };
