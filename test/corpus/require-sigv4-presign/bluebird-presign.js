// server/api/sign-s3.js: the profile page asks for a presigned PUT before uploading the avatar.
'use strict';

const aws = require('aws-sdk');
const Promise = require('bluebird');
const crypto = require('crypto');

const s3 = new aws.S3(); // expect: require-sigv4-presign
s3.getSignedUrlAsync = Promise.promisify(s3.getSignedUrl);

const BUCKET = process.env.S3_BUCKET;
const ALLOWED_TYPES = ['image/jpeg', 'image/png', 'image/gif'];

function objectKey(userId, fileName) {
  const suffix = crypto.randomBytes(6).toString('hex');
  return `avatars/${userId}/${suffix}-${fileName.replace(/[^\w.-]/g, '_')}`;
}

module.exports = (api) => {
  api.post('/api/sign_s3', (req, res) => {
    const { fileName, fileType } = req.body;
    if (!req.user) return res.status(401).end();
    if (!ALLOWED_TYPES.includes(fileType)) return res.status(415).json({ error: 'unsupported image type' });
    const key = objectKey(req.user.id, fileName);
    s3.getSignedUrlAsync('putObject', {
      Bucket: BUCKET,
      Key: key,
      Expires: 60,
      ContentType: fileType,
      ACL: 'public-read',
    })
      .then((signedRequest) => {
        res.json({ signedRequest, url: `https://${BUCKET}.s3.amazonaws.com/${key}` });
      })
      .catch((err) => {
        req.log.error(err, 'sign_s3 failed');
        res.status(500).json({ error: 'could not sign the upload' });
      });
  });
};
