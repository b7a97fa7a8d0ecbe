/* eslint-env node */
// aws-signature.js: the signer of an internal Elasticsearch (OpenSearch) proxy, in the style of the
// small "aws-signature-v4" modules that were copied around before the SDK shipped its own.
'use strict';

var crypto = require('crypto');
var querystring = require('querystring');

exports.createCanonicalRequest = function (method, pathname, query, headers, payload) {
  return [
    method.toUpperCase(),
    pathname,
    exports.createCanonicalQueryString(query),
    exports.createCanonicalHeaders(headers),
    exports.createSignedHeaders(headers),
    payload,
  ].join('\n');
};

exports.createCanonicalQueryString = function (params) {
  if (typeof params === 'string') {
    params = querystring.parse(params);
  }
  return Object.keys(params)
    .sort()
    .map(function (key) {
      return encodeURIComponent(key) + '=' + encodeURIComponent(params[key]); // expect: sorted-canonical-query
    })
    .join('&');
};

exports.createCanonicalHeaders = function (headers) {
  return Object.keys(headers)
    .sort()
    .map(function (name) {
      return name.toLowerCase().trim() + ':' + String(headers[name]).trim() + '\n';
    })
    .join('');
};

exports.createSignedHeaders = function (headers) {
  return Object.keys(headers)
    .map(function (name) {
      return name.toLowerCase().trim();
    })
    .sort()
    .join(';');
};

exports.createCredentialScope = function (time, region, service) {
  return [toDate(time), region, service, 'aws4_request'].join('/');
};

exports.createStringToSign = function (time, region, service, request) {
  return [
    'AWS4-HMAC-SHA256',
    toTime(time),
    exports.createCredentialScope(time, region, service),
    hash(request, 'hex'),
  ].join('\n');
};

exports.createSignature = function (secret, time, region, service, stringToSign) {
  var h1 = hmac('AWS4' + secret, toDate(time));
  var h2 = hmac(h1, region);
  var h3 = hmac(h2, service);
  var h4 = hmac(h3, 'aws4_request');
  return hmac(h4, stringToSign, 'hex');
};

function toTime(time) {
  return new Date(time).toISOString().replace(/[:-]|\.\d{3}/g, '');
}

function toDate(time) {
  return toTime(time).substring(0, 8);
}

function hmac(key, string, encoding) {
  return crypto.createHmac('sha256', key).update(string, 'utf8').digest(encoding);
}

function hash(string, encoding) {
  return crypto.createHash('sha256').update(string, 'utf8').digest(encoding);
}
