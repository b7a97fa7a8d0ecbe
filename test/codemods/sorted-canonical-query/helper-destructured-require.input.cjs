// The helper is already required with destructuring: canonicalQueryString joins the pattern.
const { signRequest } = require('sigv4-migrate/sigv4');

function canonicalRequest(host, params, payloadHash) {
  const query = Object.keys(params).map((name) => name + '=' + encodeURIComponent(params[name])).join('&');
  return ['POST', '/', query, 'host:' + host + '\n', 'host', payloadHash].join('\n');
}

module.exports = { canonicalRequest, signRequest, algorithm: 'AWS4-HMAC-SHA256' };
