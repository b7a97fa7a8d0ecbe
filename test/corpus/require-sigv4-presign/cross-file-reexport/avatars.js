// routes/avatars.js: presigned avatar uploads and downloads (SDK configured in lib/aws.js).
'use strict';

const express = require('express');
const AWS = require('./aws');

const s3 = new AWS.S3({ params: { Bucket: process.env.AVATAR_BUCKET } }); // expect-across-files: require-sigv4-presign
const router = express.Router();

router.post('/avatars', (req, res, next) => {
  const key = `avatars/${req.user.id}.png`;
  s3.getSignedUrl('putObject', { Key: key, ContentType: 'image/png', Expires: 120 }, (err, url) => {
    if (err) return next(err);
    res.json({ key, url });
  });
});

router.get('/avatars/:userId', (req, res, next) => {
  s3.getSignedUrl('getObject', { Key: `avatars/${req.params.userId}.png`, Expires: 300 }, (err, url) => {
    if (err) return next(err);
    res.redirect(url);
  });
});

module.exports = router;
