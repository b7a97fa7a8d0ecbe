'use strict';

const AWS = require('../lib/aws');

const s3 = new AWS.S3({ params: { Bucket: process.env.AVATAR_BUCKET }, signatureVersion: 'v4' });

exports.uploadUrl = (key) => s3.getSignedUrl('putObject', { Key: key, ContentType: 'image/png', Expires: 120 });
exports.shareUrl = (key) => s3.getSignedUrl('getObject', { Key: key, Expires: 604800 /* SigV4 maximum (7 days); was TWO_WEEKS */ });
