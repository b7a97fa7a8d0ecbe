// The query comes from a local function that joins Object.keys without sorting.
const { createHash } = require('crypto');
const { canonicalQueryString } = require('sigv4-migrate/sigv4');

function buildQuery(params) {
  return Object.keys(params)
    .map((name) => encodeURIComponent(name) + '=' + encodeURIComponent(params[name]))
    .join('&');
}

exports.canonicalRequest = function canonicalRequest(params, headers, signedHeaders) {
  const hash = createHash('sha256').update('').digest('hex');
  return ['GET', '/', canonicalQueryString(buildQuery(params)), headers, signedHeaders, hash].join('\n');
};
exports.scope = (date, region) => `${date}/${region}/sts/aws4_request`;
