// The query comes from a local function that joins Object.keys without sorting.
const { createHash } = require('crypto');

const encodeRfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

function buildQuery(params) {
  return Object.keys(params)
    .sort()
    .map((name) => encodeRfc3986(name) + '=' + encodeRfc3986(params[name]))
    .join('&');
}

exports.canonicalRequest = function canonicalRequest(params, headers, signedHeaders) {
  const hash = createHash('sha256').update('').digest('hex');
  return ['GET', '/', buildQuery(params), headers, signedHeaders, hash].join('\n');
};
exports.scope = (date, region) => `${date}/${region}/sts/aws4_request`;
