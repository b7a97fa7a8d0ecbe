const crypto = require('crypto');
const toQuery = require('./to-query');

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');

exports.canonicalRequest = (method, path, params, host, amzDate) =>
  [method, path, toQuery(params), `host:${host}\nx-amz-date:${amzDate}\n`, 'host;x-amz-date', sha256('')].join('\n'); // aws4_request
