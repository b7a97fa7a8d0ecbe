// signer.js of an old Express app that queries an Amazon Elasticsearch Service domain; written for
// Node 4 and never touched since. http://docs.aws.amazon.com/general/latest/gr/sigv4_signing.html
var url = require('url');
var qs = require('querystring');
var crypto = require('crypto');

function hexDigest(data) {
  return crypto.createHash('sha256').update(data || '', 'utf8').digest('hex');
}

function hmac(key, data, encoding) {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest(encoding);
}

function canonicalHeaders(headers) {
  var names = Object.keys(headers).map(function (name) {
    return name.toLowerCase();
  }).sort();
  return names.map(function (name) {
    return name + ':' + String(headers[name] || headers[Object.keys(headers).filter(function (k) { return k.toLowerCase() === name; })[0]]).trim() + '\n';
  }).join('');
}

function signedHeaders(headers) {
  return Object.keys(headers).map(function (name) {
    return name.toLowerCase();
  }).sort().join(';');
}

function canonicalRequest(method, uri, headers, payload) {
  var parsed = url.parse(uri, true);
  var parts = [];
  parts.push(method.toUpperCase());
  parts.push(parsed.pathname);
  parts.push(qs.stringify(parsed.query)); // expect: sorted-canonical-query
  parts.push(canonicalHeaders(headers));
  parts.push(signedHeaders(headers));
  parts.push(hexDigest(payload));
  return parts.join('\n');
}

function stringToSign(requestDate, scope, request) {
  return ['AWS4-HMAC-SHA256', requestDate, scope, hexDigest(request)].join('\n');
}

module.exports = function sign(options, credentials) {
  var requestDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  var day = requestDate.substr(0, 8);
  var scope = [day, options.region, 'es', 'aws4_request'].join('/');
  options.headers['X-Amz-Date'] = requestDate;
  var request = canonicalRequest(options.method, options.url, options.headers, options.body);
  var key = hmac(hmac(hmac(hmac('AWS4' + credentials.secretAccessKey, day), options.region), 'es'), 'aws4_request');
  var signature = hmac(key, stringToSign(requestDate, scope, request), 'hex');
  options.headers.Authorization = 'AWS4-HMAC-SHA256 Credential=' + credentials.accessKeyId + '/' + scope +
    ', SignedHeaders=' + signedHeaders(options.headers) + ', Signature=' + signature;
  return options;
};
