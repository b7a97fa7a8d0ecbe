// lib/exports.js: report downloads from the Frankfurt bucket. Regions opened after 2014 (and
// eu-central-1) only support SigV4, so aws-sdk v2 presigns with SigV4 there without being told.
'use strict';

const AWS = require('aws-sdk');

const s3 = new AWS.S3({ region: 'eu-central-1', apiVersion: '2006-03-01' });
const mumbai = new AWS.S3({ region: 'ap-south-1' });

const BUCKET = 'acme-exports-fra';

function exportLink(key) {
  return s3.getSignedUrl('getObject', { Bucket: BUCKET, Key: key, Expires: 3600 });
}

function indiaExportLink(key) {
  return mumbai.getSignedUrlPromise('getObject', { Bucket: 'acme-exports-bom', Key: key, Expires: 900 });
}

module.exports = { exportLink, indiaExportLink };
