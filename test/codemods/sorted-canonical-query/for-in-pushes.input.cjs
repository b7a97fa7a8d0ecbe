// Pairs pushed in a for…in loop: the loop walks the sorted keys instead, and the encoder becomes encodeRfc3986.

function canonicalRequest(host, params, payloadHash) {
  const pairs = [];
  for (const name in params) pairs.push(name + '=' + encodeURIComponent(params[name]));
  const query = pairs.join('&');
  return ['POST', '/', query, 'host:' + host + '\n', 'host', payloadHash].join('\n');
}

module.exports = { canonicalRequest, algorithm: 'AWS4-HMAC-SHA256' };
