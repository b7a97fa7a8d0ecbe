// The helper is already required with destructuring: canonicalQueryString joins the pattern.
const { signRequest } = require('sigv4-migrate/sigv4');

function canonicalRequest(host, params, payloadHash) {
  const pairs = [];
  for (const name in params) pairs.push(name + '=' + encodeURIComponent(params[name]));
  pairs.push('Version=2012-11-05');
  const query = pairs.join('&');
  return ['POST', '/', query, 'host:' + host + '\n', 'host', payloadHash].join('\n');
}

module.exports = { canonicalRequest, signRequest, algorithm: 'AWS4-HMAC-SHA256' };
