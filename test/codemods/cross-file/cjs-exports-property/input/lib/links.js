const clients = require('./clients');

async function link(params) {
  return clients.s3.getSignedUrlPromise('getObject', params);
}

module.exports = { link };
