// Upload and download routes for a small Express app that hands the browser presigned S3 URLs.
const express = require('express');
const AWS = require('aws-sdk');
const { v4: uuid } = require('uuid');

AWS.config.update({
  region: process.env.AWS_REGION || 'us-east-1',
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
});

const BUCKET = process.env.UPLOAD_BUCKET;
const UPLOAD_TTL = 5 * 60;

// Used for uploads: presigned PUTs.
const s3 = new AWS.S3({ apiVersion: '2006-03-01' }); // expect: require-sigv4-presign

// Used for downloads of private reports; was already switched to SigV4 for SSE-KMS objects.
const reports = new AWS.S3({
  apiVersion: '2006-03-01',
  signatureVersion: 'v4',
});

// Used only for server-side copies; never presigns, so its default signing does not matter here.
const copier = new AWS.S3();

const cdnSigner = new AWS.CloudFront.Signer(process.env.CF_KEY_PAIR_ID, process.env.CF_PRIVATE_KEY);

const router = express.Router();

router.post('/uploads', async (req, res, next) => {
  try {
    const key = `incoming/${uuid()}-${req.body.fileName}`;
    const url = await s3.getSignedUrlPromise('putObject', {
      Bucket: BUCKET,
      Key: key,
      ContentType: req.body.fileType,
      Expires: UPLOAD_TTL,
    });
    res.json({ url, key });
  } catch (err) {
    next(err);
  }
});

router.post('/uploads/form', (req, res) => {
  // A POST policy: aws-sdk v2 always signs these with SigV4.
  s3.createPresignedPost(
    {
      Bucket: BUCKET,
      Fields: { key: `incoming/${uuid()}` },
      Conditions: [['content-length-range', 0, 10 * 1024 * 1024]],
      Expires: 600,
    },
    (err, data) => (err ? res.status(500).end() : res.json(data)),
  );
});

router.get('/reports/:id', (req, res) => {
  const url = reports.getSignedUrl('getObject', {
    Bucket: process.env.REPORT_BUCKET,
    Key: `reports/${req.params.id}.pdf`,
    Expires: 60 * 60,
  });
  res.redirect(url);
});

router.post('/reports/:id/archive', async (req, res) => {
  await copier
    .copyObject({ Bucket: 'archive', CopySource: `${process.env.REPORT_BUCKET}/reports/${req.params.id}.pdf`, Key: req.params.id })
    .promise();
  res.status(204).end();
});

router.get('/videos/:id', (req, res) => {
  // CloudFront signed URLs are not SigV4 and may live for a month.
  const url = cdnSigner.getSignedUrl({
    url: `https://${process.env.CDN_HOST}/videos/${req.params.id}.m3u8`,
    expires: Math.floor(Date.now() / 1000) + 30 * 24 * 60 * 60,
  });
  res.json({ url });
});

module.exports = router;
