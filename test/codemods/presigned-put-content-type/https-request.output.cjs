// Plain node upload with https.request.
const https = require('https');
const AWS = require('aws-sdk');

const s3 = new AWS.S3();

function uploadImage(key, jpeg, done) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'img', Key: key, ContentType: 'image/jpeg' });
  const req = https.request(url, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' } }, (res) => done(null, res.statusCode));
  req.on('error', done);
  req.end(jpeg);
}

module.exports = { uploadImage };
