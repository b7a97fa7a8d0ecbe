import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: process.env.AWS_REGION });

export function shareLink(key) {
  const params = { Bucket: 'shares', Key: key };
  params.Expires = parseInt(process.env.SHARE_TTL, 10) || 2592000;
  return s3.getSignedUrlPromise('getObject', params);
}
