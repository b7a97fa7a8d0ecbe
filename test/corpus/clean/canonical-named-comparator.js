// lib/sigv4/canonical.js: canonical request pieces for the signer of the log shipper (SigV4, by hand).
'use strict';

const crypto = require('crypto');
const sortBy = require('lodash/sortBy');

function uriEncode(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalQuery(params) {
  const names = Object.keys(params).map(uriEncode).sort(byCodePoint);
  const decoded = new Map(Object.keys(params).map((name) => [uriEncode(name), params[name]]));
  return names.map((name) => `${name}=${uriEncode(String(decoded.get(name)))}`).join('&');
}

function canonicalHeaders(headers) {
  const entries = sortBy(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value).trim().replace(/\s+/g, ' ')]),
    ([name]) => name,
  );
  return {
    block: entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signed: entries.map(([name]) => name).join(';'),
  };
}

function canonicalRequest(method, path, params, headers, body) {
  const { block, signed } = canonicalHeaders(headers);
  const payloadHash = crypto.createHash('sha256').update(body || '').digest('hex');
  return [method, path, canonicalQuery(params), block, signed, payloadHash].join('\n');
}

function stringToSign(amzDate, scope, request) {
  return ['AWS4-HMAC-SHA256', amzDate, scope, crypto.createHash('sha256').update(request).digest('hex')].join('\n');
}

module.exports = { canonicalQuery, canonicalHeaders, canonicalRequest, stringToSign };
