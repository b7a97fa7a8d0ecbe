// lib/http/query.js: query-string helpers shared by the HTTP clients of the ingestion service.
'use strict';

function encodeValue(value) {
  if (Array.isArray(value)) return value.map(encodeURIComponent).join(',');
  return encodeURIComponent(value == null ? '' : String(value));
}

// Keeps the caller's parameter order: some partner APIs care about it.
function buildQueryString(params) {
  return Object.keys(params || {})
    .filter((key) => params[key] !== undefined)
    .map((key) => `${encodeURIComponent(key)}=${encodeValue(params[key])}`).join('&');
}

function appendQuery(url, params) {
  const query = buildQueryString(params);
  if (!query) return url;
  return url + (url.includes('?') ? '&' : '?') + query;
}

module.exports = { buildQueryString, appendQuery };
