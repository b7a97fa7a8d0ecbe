// lib/avatars.js: avatar uploads; every S3 setting lives in one config object.
const AWS = require('aws-sdk');

const config = {
  s3: {
    region: process.env.AWS_REGION || 'us-east-1',
    signatureVersion: 'v4',
    params: { Bucket: process.env.AVATAR_BUCKET },
  },
  uploadSeconds: 5 * 60,
};

const s3 = new AWS.S3(config.s3);

async function avatarUploadUrl(userId, contentType) {
  try {
    return await s3.getSignedUrlPromise('putObject', {
      Key: `avatars/${userId}`,
      ContentType: contentType,
      Expires: config.uploadSeconds,
    });
  } catch (err) {
    throw new Error(`avatar upload url for ${userId}: ${err.message}`);
  }
}

function avatarPost(userId) {
  return s3.createPresignedPost({
    Fields: { key: `avatars/${userId}` },
    Conditions: [['content-length-range', 0, 2 * 1024 * 1024]],
    Expires: 60 * 60 * 24 * 30,
  });
}

module.exports = { avatarUploadUrl, avatarPost };
