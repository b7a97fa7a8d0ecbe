// Signs outgoing webhook calls to our API Gateway (IAM auth) from the legacy worker.
'use strict';

const crypto = require('crypto');
const url = require('url');
const https = require('https');

const ALGORITHM = 'AWS4-HMAC-SHA256';

function hash(text) {
  return crypto.createHash('sha256').update(text || '', 'utf8').digest('hex');
}

function hmac(key, text, encoding) {
  return crypto.createHmac('sha256', key).update(text, 'utf8').digest(encoding);
}

function canonicalRequestFor(method, endpoint, headers, body) {
  const { pathname, query } = url.parse(endpoint); // expect: sorted-canonical-query
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const lines = names.map((name) => name + ':' + String(headers[name]).trim() + '\n').join('');
  return [method, pathname, query || '', lines, names.join(';'), hash(body)].join('\n');
}

function signedRequest(method, endpoint, body, creds) {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const date = amzDate.substr(0, 8);
  const target = url.parse(endpoint);
  const headers = { host: target.host, 'x-amz-date': amzDate, 'content-type': 'application/json' };
  const canonical = canonicalRequestFor(method, endpoint, headers, body);
  const scope = [date, creds.region, 'execute-api', 'aws4_request'].join('/');
  const toSign = [ALGORITHM, amzDate, scope, hash(canonical)].join('\n');
  let key = hmac('AWS4' + creds.secretAccessKey, date);
  key = hmac(key, creds.region);
  key = hmac(key, 'execute-api');
  key = hmac(key, 'aws4_request');
  headers.authorization = `${ALGORITHM} Credential=${creds.accessKeyId}/${scope}, SignedHeaders=content-type;host;x-amz-date, Signature=${hmac(key, toSign, 'hex')}`;
  return { host: target.host, path: target.path, method, headers };
}

function deliver(endpoint, payload, creds) {
  const body = JSON.stringify(payload);
  const options = signedRequest('POST', endpoint, body, creds);
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode < 300 ? resolve(res.statusCode) : reject(new Error('webhook ' + res.statusCode))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

module.exports = { deliver, canonicalRequestFor };
