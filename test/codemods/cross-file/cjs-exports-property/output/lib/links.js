const clients = require('./clients');

async function link(params) {
  return clients.s3.getSignedUrlPromise('getObject', { ...params, Expires: Math.min(params.Expires ?? 900, 604800) });
}

module.exports = { link };
