// middleware/proxy-signer.js: re-signs requests the dashboard proxies to an IAM-protected API.
'use strict';

const crypto = require('crypto');

const REGION = process.env.API_REGION || 'eu-west-1';
const SERVICE = 'execute-api';

function digest(data) {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data).digest();
}

// The incoming query is passed through as the browser sent it; only the order is normalised.
function normaliseQuery(originalUrl) {
  const index = originalUrl.indexOf('?');
  if (index === -1) return '';
  const query = originalUrl.slice(index + 1);
  return query.split('&').sort().join('&'); // expect: sorted-canonical-query
}

function signProxyRequest(req, upstreamHost, credentials) {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const date = amzDate.slice(0, 8);
  const body = req.rawBody || '';
  const path = req.path;
  const canonicalQuery = normaliseQuery(req.originalUrl);
  const canonicalHeaders = 'host:' + upstreamHost + '\n' + 'x-amz-date:' + amzDate + '\n';
  const signedHeaders = 'host;x-amz-date';
  const canonicalRequest = [req.method, path, canonicalQuery, canonicalHeaders, signedHeaders, digest(body)].join('\n');
  const scope = [date, REGION, SERVICE, 'aws4_request'].join('/');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, digest(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac('AWS4' + credentials.secretAccessKey, date), REGION), SERVICE), 'aws4_request');
  return {
    'x-amz-date': amzDate,
    authorization:
      'AWS4-HMAC-SHA256 Credential=' + credentials.accessKeyId + '/' + scope +
      ', SignedHeaders=' + signedHeaders + ', Signature=' + crypto.createHmac('sha256', key).update(stringToSign).digest('hex'),
  };
}

module.exports = function proxySigner(options) {
  return function (req, res, next) {
    try {
      Object.assign(req.headers, signProxyRequest(req, options.upstreamHost, options.credentials));
      req.headers.host = options.upstreamHost;
      next();
    } catch (err) {
      next(err);
    }
  };
};
