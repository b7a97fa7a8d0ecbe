// services/attachments.js: chat attachments; links are mailed out in the weekly digest.
'use strict';

const { promisify } = require('util');
const AWS = require('aws-sdk');
const config = require('../config');

const s3 = new AWS.S3({ // expect: require-sigv4-presign
  region: config.aws.region,
  credentials: new AWS.Credentials(config.aws.accessKeyId, config.aws.secretAccessKey),
});

const getSignedUrl = promisify(s3.getSignedUrl).bind(s3);
const headObject = (params) => s3.headObject(params).promise();

// The digest goes out weekly and links used to live a month; keep that unless ops overrides it.
const LINK_TTL = parseInt(process.env.ATTACHMENT_LINK_TTL, 10) || 2592000;

async function attachmentLink(attachment) {
  const params = {
    Bucket: config.attachments.bucket,
    Key: `rooms/${attachment.roomId}/${attachment.id}`,
    Expires: LINK_TTL, // expect: require-sigv4-presign
    ResponseContentDisposition: `attachment; filename="${attachment.name.replace(/"/g, '')}"`,
  };
  await headObject({ Bucket: params.Bucket, Key: params.Key });
  return getSignedUrl('getObject', params);
}

async function digestLinks(attachments) {
  const links = [];
  for (const attachment of attachments) {
    try {
      links.push({ id: attachment.id, name: attachment.name, url: await attachmentLink(attachment) });
    } catch (err) {
      if (err.code !== 'NotFound') throw err;
    }
  }
  return links;
}

module.exports = { attachmentLink, digestLinks };
