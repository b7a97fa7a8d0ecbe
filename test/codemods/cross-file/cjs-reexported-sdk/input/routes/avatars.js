'use strict';

const AWS = require('../lib/aws');

const s3 = new AWS.S3({ params: { Bucket: process.env.AVATAR_BUCKET } });
const TWO_WEEKS = 14 * 24 * 3600;

exports.uploadUrl = (key) => s3.getSignedUrl('putObject', { Key: key, ContentType: 'image/png', Expires: 120 });
exports.shareUrl = (key) => s3.getSignedUrl('getObject', { Key: key, Expires: TWO_WEEKS });
