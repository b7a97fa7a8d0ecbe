// querystring.stringify in the canonical request: insertion order, not sorted.
const { canonicalQueryString } = require('sigv4-migrate/sigv4');

function canonicalRequest(method, params, canonicalHeaders, signedHeaders, payloadHash) {
  return `${method}\n/\n${canonicalQueryString(params)}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
}

module.exports = { canonicalRequest, algorithm: 'AWS4-HMAC-SHA256' };
