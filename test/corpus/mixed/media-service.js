// Media service of a Node backend (aws-sdk v2, CommonJS): download links for the web app, an
// archive with long-lived links, upload forms, SES notifications, and a copy to a partner's URL.
'use strict';

const AWS = require('aws-sdk');
const https = require('https');

AWS.config.update({ region: process.env.AWS_REGION || 'eu-west-1' });

const s3 = new AWS.S3({ apiVersion: '2006-03-01' }); // expect: require-sigv4-presign
const archive = new AWS.S3({ apiVersion: '2006-03-01', signatureVersion: 'v4' });
const ses = new AWS.SES({ apiVersion: '2010-12-01', signatureVersion: 'v3' }); // expect: no-legacy-signature

const ONE_DAY = 24 * 60 * 60;

function downloadLink(key) {
  return s3.getSignedUrl('getObject', { Bucket: process.env.MEDIA_BUCKET, Key: key, Expires: 3600 });
}

function archiveLink(key) {
  return archive.getSignedUrl('getObject', { Bucket: 'media-archive', Key: key, Expires: 14 * ONE_DAY }); // expect: require-sigv4-presign
}

function thumbnailLink(key) {
  return archive.getSignedUrlPromise('getObject', { Bucket: 'media-archive', Key: `thumbs/${key}`, Expires: ONE_DAY });
}

// Browser form uploads: createPresignedPost always signs with SigV4, whatever the client says.
function uploadForm(key) {
  return s3.createPresignedPost({
    Bucket: process.env.MEDIA_BUCKET,
    Fields: { key },
    Conditions: [['content-length-range', 0, 10 * 1024 * 1024]],
    Expires: 600,
  });
}

function notifyOwner(address, key) {
  return ses
    .sendEmail({
      Source: 'media@example.com',
      Destination: { ToAddresses: [address] },
      Message: { Subject: { Data: 'Upload complete' }, Body: { Text: { Data: `Stored ${key}` } } },
    })
    .promise();
}

function copyToPartner(presignedUrl, body) {
  return new Promise((resolve, reject) => {
    const request = https.request(presignedUrl, { method: 'PUT', headers: { 'Content-Length': body.length } }, (response) => { // expect: presigned-put-content-type
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`partner copy failed: ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

module.exports = { downloadLink, archiveLink, thumbnailLink, uploadForm, notifyOwner, copyToPartner };
