// querystring.stringify in the canonical request: insertion order, not sorted.
const qs = require('querystring');

function canonicalRequest(method, params, canonicalHeaders, signedHeaders, payloadHash) {
  return `${method}\n/\n${qs.stringify(params)}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
}

module.exports = { canonicalRequest, algorithm: 'AWS4-HMAC-SHA256' };
