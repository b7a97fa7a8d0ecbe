const crypto = require('node:crypto');

const sha256 = (data) => crypto.createHash('sha256').update(data, 'utf8').digest('hex');

function stringToSign(request, amzDate, scope) {
  var canonicalRequest = '';
  canonicalRequest += request.method + '\n';
  canonicalRequest += request.path + '\n';
  canonicalRequest += '\n';
  canonicalRequest += 'host:' + request.host + '\n';
  canonicalRequest += 'x-amz-date:' + amzDate + '\n';
  canonicalRequest += '\n';
  canonicalRequest += 'host;x-amz-date' + '\n';
  canonicalRequest += sha256(request.body);
  return ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
}

module.exports = { stringToSign };
