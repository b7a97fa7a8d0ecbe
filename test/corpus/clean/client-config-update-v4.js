// lib/thumbnails.js: thumbnail links; the client's own config is switched to SigV4 once it is built.
const AWS = require('aws-sdk');

const s3 = new AWS.S3({ region: 'us-east-1', apiVersion: '2006-03-01' });
s3.config.update({ signatureVersion: 'v4' });

function thumbnailLink(imageId, size = 'small') {
  return s3.getSignedUrl('getObject', {
    Bucket: process.env.THUMBNAIL_BUCKET,
    Key: `thumbs/${size}/${imageId}.webp`,
    Expires: 3600,
  });
}

module.exports = { thumbnailLink };
