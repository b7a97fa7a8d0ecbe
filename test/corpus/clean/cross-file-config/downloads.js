// routes/downloads.js: signed download links; the SDK is configured once in config/aws.js.
'use strict';

const AWS = require('./aws-setup');
const express = require('express');

const s3 = new AWS.S3();
const router = express.Router();

router.get('/downloads/:key', (req, res, next) => {
  s3.getSignedUrl('getObject', { Bucket: process.env.DOWNLOADS_BUCKET, Key: req.params.key, Expires: 600 }, (err, url) => {
    if (err) return next(err);
    res.redirect(url);
  });
});

module.exports = router;
