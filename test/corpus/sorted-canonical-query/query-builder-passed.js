// lib/aws/es-client.js: signs requests to the Amazon OpenSearch domain behind the search API.
'use strict';

const crypto = require('crypto');
const https = require('https');

const SERVICE = 'es';

function sha256(data) {
  return crypto.createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

// Turns the search options into the query part of the URL.
function buildQuery(params) {
  return Object.keys(params).map((key) => key + '=' + encodeURIComponent(params[key])).join('&'); // expect: sorted-canonical-query
}

function signingKey(secret, date, region) {
  return hmac(hmac(hmac(hmac('AWS4' + secret, date), region), SERVICE), 'aws4_request');
}

function sign(request, query, credentials) {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${credentials.region}/${SERVICE}/aws4_request`;
  const canonicalHeaders = `host:${request.host}\nx-amz-date:${amzDate}\n`;
  const signedHeaders = 'host;x-amz-date';
  const canonicalRequest = [request.method, request.path, query, canonicalHeaders, signedHeaders, sha256(request.body || '')].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signature = hmac(signingKey(credentials.secretAccessKey, date, credentials.region), stringToSign).toString('hex');
  request.headers['x-amz-date'] = amzDate;
  request.headers.Authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return request;
}

function search(index, options, credentials) {
  const query = buildQuery(options);
  const request = sign(
    { method: 'GET', host: credentials.host, path: `/${index}/_search`, headers: { host: credentials.host } },
    query,
    credentials,
  );
  return new Promise((resolve, reject) => {
    https
      .get({ host: request.host, path: `${request.path}?${query}`, headers: request.headers }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => (res.statusCode < 300 ? resolve(JSON.parse(body)) : reject(new Error(body))));
      })
      .on('error', reject);
  });
}

module.exports = { search, buildQuery };
