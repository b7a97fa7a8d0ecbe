const crypto = require('crypto');
const http = require('./http-utils');

function canonicalRequest(method, path, params, canonicalHeaders, signedHeaders, payload) {
  const payloadHash = crypto.createHash('sha256').update(payload).digest('hex');
  return [method, path, http.buildQuery(params), canonicalHeaders, signedHeaders, payloadHash].join('\n'); // AWS4-HMAC-SHA256
}

module.exports = { canonicalRequest };
