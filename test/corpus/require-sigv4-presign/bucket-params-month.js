// routes/exports.js: monthly CSV exports, shared with accountants by link.
const express = require('express');
const AWS = require('aws-sdk');

const ONE_MONTH = 60 * 60 * 24 * 30;
const router = express.Router();

const exportsBucket = new AWS.S3({ // expect: require-sigv4-presign
  region: 'us-east-1',
  params: { Bucket: process.env.EXPORTS_BUCKET },
});

router.get('/exports/:month/link', (req, res, next) => {
  const { month } = req.params;
  if (!/^\d{4}-\d{2}$/.test(month)) return res.status(400).json({ error: 'month must be YYYY-MM' });
  exportsBucket.getSignedUrl(
    'getObject',
    {
      Key: `exports/${month}.csv`,
      Expires: ONE_MONTH, // expect: require-sigv4-presign
    },
    (err, url) => {
      if (err) return next(err);
      return res.json({ url, expiresIn: ONE_MONTH });
    },
  );
  return undefined;
});

module.exports = router;
