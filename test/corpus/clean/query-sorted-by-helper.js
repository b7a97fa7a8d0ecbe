'use strict';
// lib/sigv4-query.js: canonical query and headers for the OpenSearch proxy (AWS4-HMAC-SHA256, aws4_request).
const crypto = require('crypto');

function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Entries in SigV4 order: by code point of the encoded name, then of the encoded value. */
function sortedEntries(params) {
  return Object.entries(params)
    .map(([name, value]) => [rfc3986(name), rfc3986(String(value))])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
}

function canonicalQuery(params) {
  return sortedEntries(params)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function canonicalHeaders(headers) {
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lookup = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value).trim()]));
  return { names, text: names.map((name) => `${name}:${lookup[name]}\n`).join('') };
}

function canonicalRequest({ method, path, query, headers, body }) {
  const { names, text } = canonicalHeaders(headers);
  const payload = crypto.createHash('sha256').update(body || '').digest('hex');
  return [method, path, canonicalQuery(query || {}), text, names.join(';'), payload].join('\n');
}

module.exports = { canonicalRequest, canonicalQuery };
