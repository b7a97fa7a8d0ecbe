'use strict';
// lib/auth/v4/createCanonicalRequest.js: rebuilds the client's canonical request to verify its SigV4 signature.
const crypto = require('crypto');
const awsURIencode = require('./awsURIencode');

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * @param {object} params pHttpVerb, pResource, pQuery, pHeaders, pSignedHeaders, payloadChecksum
 * @returns {string} the canonical request (AWS4-HMAC-SHA256, aws4_request scope)
 */
function createCanonicalRequest(params) {
  const { pHttpVerb, pResource, pQuery, pHeaders, pSignedHeaders } = params;
  const payloadChecksum = params.payloadChecksum || EMPTY_SHA256;
  const canonicalURI = pResource ? awsURIencode(pResource, false) : '/';

  let canonicalQueryStr = '';
  if (pQuery) {
    const queryParams = Object.keys(pQuery).map((key) => ({
      qParam: awsURIencode(key),
      value: pQuery[key] ? awsURIencode(pQuery[key]) : '',
    }));
    queryParams.sort((a, b) => a.qParam.localeCompare(b.qParam)); // expect: sorted-canonical-query
    canonicalQueryStr = queryParams.map((item) => `${item.qParam}=${item.value}`).join('&');
  }

  const signedHeadersList = pSignedHeaders.split(';');
  signedHeadersList.sort((a, b) => a.localeCompare(b)); // expect: sorted-canonical-query
  const signedHeaders = signedHeadersList.join(';');
  const canonicalHeaders = signedHeadersList
    .map((name) => `${name}:${String(pHeaders[name] ?? '').trim().replace(/\s+/g, ' ')}`)
    .join('\n');

  return [pHttpVerb, canonicalURI, canonicalQueryStr, `${canonicalHeaders}\n`, signedHeaders, payloadChecksum].join('\n');
}

function hashCanonicalRequest(params) {
  return crypto.createHash('sha256').update(createCanonicalRequest(params), 'binary').digest('hex');
}

module.exports = { createCanonicalRequest, hashCanonicalRequest };
