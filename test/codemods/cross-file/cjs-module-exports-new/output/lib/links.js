const s3 = require('./s3');

exports.link = function link(Key, ttl) {
  return s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: Math.min(ttl, 604800) });
};
