// lib/s3.mjs: S3 client for downloads; the signer version lives with the other AWS constants.
import AWS from 'aws-sdk';

const SIGNATURE_VERSION = 'v4';
const DOWNLOAD_TTL = 15 * 60;
const MAX_TTL = 7 * 24 * 60 * 60;

const s3 = new AWS.S3({
  region: process.env.AWS_REGION ?? 'us-east-1',
  signatureVersion: SIGNATURE_VERSION,
});

export function downloadUrl(bucket, key, ttl = DOWNLOAD_TTL) {
  return s3.getSignedUrl('getObject', { Bucket: bucket, Key: key, Expires: Math.min(ttl, MAX_TTL) });
}

export async function uploadUrl(bucket, key, contentType) {
  return s3.getSignedUrlPromise('putObject', { Bucket: bucket, Key: key, ContentType: contentType, Expires: 300 });
}

export async function exists(bucket, key) {
  try {
    await s3.headObject({ Bucket: bucket, Key: key }).promise();
    return true;
  } catch (error) {
    if (error.code === 'NotFound') return false;
    throw error;
  }
}
