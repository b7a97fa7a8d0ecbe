// routes/files.js: signed download and upload URLs for the dashboard.
'use strict';

const express = require('express');
const s3 = require('./client');

const router = express.Router();
const BUCKET = process.env.S3_BUCKET;

router.get('/files/:key/download', (req, res, next) => {
  s3.getSignedUrl('getObject', { Bucket: BUCKET, Key: req.params.key, Expires: 900 }, (err, url) => {
    if (err) return next(err);
    res.json({ url });
  });
});

router.post('/files', async (req, res, next) => {
  try {
    const { name, type } = req.body;
    if (!name || !type) return res.status(400).json({ message: 'name and type are required' });
    const key = `uploads/${Date.now()}-${name}`;
    const url = await s3.getSignedUrlPromise('putObject', { Bucket: BUCKET, Key: key, ContentType: type, Expires: 300 });
    res.status(201).json({ key, url });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
