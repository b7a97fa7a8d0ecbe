// Thumbnails for the gallery API; generates short-lived URLs with the callback API bound once.
'use strict';

const AWS = require('aws-sdk');
const LRU = require('lru-cache');

AWS.config.update({ region: process.env.AWS_REGION || 'us-west-2' });

const s3 = new AWS.S3(); // expect: require-sigv4-presign
const sign = s3.getSignedUrl.bind(s3);
const cache = new LRU({ max: 5000, ttl: 4 * 60 * 1000 });

const BUCKET = process.env.GALLERY_BUCKET;
const SIZES = new Set(['small', 'medium', 'large']);

function thumbnailUrl(photoId, size, callback) {
  if (!SIZES.has(size)) return callback(new Error(`unknown size ${size}`));
  const cacheKey = `${photoId}:${size}`;
  const hit = cache.get(cacheKey);
  if (hit) return callback(null, hit);
  sign('getObject', { Bucket: BUCKET, Key: `thumbs/${size}/${photoId}.jpg`, Expires: 300 }, (err, url) => {
    if (err) return callback(err);
    cache.set(cacheKey, url);
    callback(null, url);
  });
}

function middleware(req, res, next) {
  thumbnailUrl(req.params.photoId, req.query.size || 'medium', (err, url) => {
    if (err) return next(err);
    res.set('Cache-Control', 'private, max-age=240');
    res.redirect(302, url);
  });
}

module.exports = { thumbnailUrl, middleware };
