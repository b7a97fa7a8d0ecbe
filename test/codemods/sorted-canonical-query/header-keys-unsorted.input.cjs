const { createHash } = require('node:crypto');

const sha256 = (body) => createHash('sha256').update(body).digest('hex');

function canonicalHeaders(headers) {
  return Object.keys(headers)
    .map((name) => `${name.toLowerCase()}:${String(headers[name]).trim()}\n`)
    .join('');
}

function canonicalRequest(request) {
  const signedHeaders = Object.keys(request.headers).map((name) => name.toLowerCase()).sort().join(';');
  return [request.method, request.path, '', canonicalHeaders(request.headers), signedHeaders, sha256(request.body || '')].join('\n');
}

module.exports = { canonicalRequest };
