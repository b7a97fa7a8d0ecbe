// Pairs pushed in a for…in loop: the loop walks the sorted keys instead, and the encoder becomes encodeRfc3986.

const encodeRfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

function canonicalRequest(host, params, payloadHash) {
  const pairs = [];
  for (const name of Object.keys(params).sort()) pairs.push(name + '=' + encodeRfc3986(params[name]));
  const query = pairs.join('&');
  return ['POST', '/', query, 'host:' + host + '\n', 'host', payloadHash].join('\n');
}

module.exports = { canonicalRequest, algorithm: 'AWS4-HMAC-SHA256' };
