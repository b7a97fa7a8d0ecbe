// lib/search-admin.js: lists the CloudSearch domains of a region through the configuration API,
// with a SigV2-signed query; the caller builds the regional host.
const crypto = require('crypto');
const https = require('https');

const API_VERSION = '2011-02-01';
const SIGNING = Object.freeze({ method: 'HmacSHA256', hash: 'sha256' });

function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function signedQuery(host, action, credentials) {
  const query = {
    Action: action,
    Version: API_VERSION,
    AWSAccessKeyId: credentials.accessKeyId,
    SignatureMethod: SIGNING.method,
    SignatureVersion: '2',
    Timestamp: new Date().toISOString(),
  };
  const canonical = Object.keys(query)
    .sort()
    .map((name) => rfc3986(name) + '=' + rfc3986(query[name]))
    .join('&');
  const signature = crypto.createHmac(SIGNING.hash, credentials.secretAccessKey).update('GET\n' + host + '\n/\n' + canonical).digest('base64');
  return canonical + '&Signature=' + rfc3986(signature);
}

function describeDomains(region, credentials, callback) {
  const endpoint = 'cloudsearch.' + region + '.amazonaws.com';
  https.get({ host: endpoint, path: '/?' + signedQuery(endpoint, 'DescribeDomains', credentials) }, (res) => callback(null, res.statusCode)).on('error', callback);
}

module.exports = { describeDomains };
