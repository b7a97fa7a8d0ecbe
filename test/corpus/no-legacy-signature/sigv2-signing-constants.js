// lib/cloudsearch-admin.js: calls the CloudSearch configuration API with a SigV2-signed query.
const crypto = require('crypto');
const https = require('https');

const SIGNING = Object.freeze({ version: '2', method: 'HmacSHA256', hash: 'sha256' });
const API_VERSION = '2011-02-01';

function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function signedQuery(host, action, params, credentials) {
  const query = {
    ...params,
    Action: action,
    Version: API_VERSION,
    AWSAccessKeyId: credentials.accessKeyId,
    SignatureMethod: SIGNING.method,
    SignatureVersion: SIGNING.version, // expect: no-legacy-signature
    Timestamp: new Date().toISOString(),
  };
  const canonical = Object.keys(query)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(query[name])}`)
    .join('&');
  const signature = crypto
    .createHmac(SIGNING.hash, credentials.secretAccessKey)
    .update(['GET', host, '/', canonical].join('\n'))
    .digest('base64');
  return `${canonical}&Signature=${rfc3986(signature)}`;
}

function describeDomains(region, credentials, callback) {
  const host = `cloudsearch.${region}.amazonaws.com`;
  const path = `/?${signedQuery(host, 'DescribeDomains', {}, credentials)}`;
  https
    .get({ host, path }, (res) => {
      let xml = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (xml += chunk));
      res.on('end', () => (res.statusCode === 200 ? callback(null, xml) : callback(new Error(`CloudSearch ${res.statusCode}`))));
    })
    .on('error', callback);
}

module.exports = { describeDomains, signedQuery };
