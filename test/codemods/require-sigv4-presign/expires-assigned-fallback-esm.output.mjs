import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: process.env.AWS_REGION, signatureVersion: 'v4' });

export function shareLink(key) {
  const params = { Bucket: 'shares', Key: key };
  params.Expires = Math.min(parseInt(process.env.SHARE_TTL, 10) || 2592000, 604800);
  return s3.getSignedUrlPromise('getObject', params);
}
