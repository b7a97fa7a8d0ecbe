// lib/links.js: weekly digest links, exactly as long as SigV4 allows.
'use strict';

const AWS = require('aws-sdk');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');

const ONE_WEEK = 60 * 60 * 24 * 7;

const legacy = new AWS.S3({ region: 'us-east-1', signatureVersion: 'v4' });
const client = new S3Client({ region: 'us-east-1' });

function digestLink(bucket, key) {
  return legacy.getSignedUrl('getObject', { Bucket: bucket, Key: key, Expires: ONE_WEEK });
}

function digestLinkV3(bucket, key) {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 604800 });
}

function cappedLink(bucket, key, requested) {
  const expires = Math.min(parseInt(requested, 10) || 3600, ONE_WEEK);
  return legacy.getSignedUrl('getObject', { Bucket: bucket, Key: key, Expires: expires });
}

module.exports = { digestLink, digestLinkV3, cappedLink };
