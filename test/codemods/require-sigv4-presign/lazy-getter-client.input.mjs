import AWS from 'aws-sdk';

let client;
export const getS3 = () => {
  if (!client) client = new AWS.S3({ region: process.env.S3_REGION });
  return client;
};

export function shareLink(Key, seconds) {
  return getS3().getSignedUrlPromise('getObject', { Bucket: 'docs', Key, Expires: seconds });
}

export const draftLink = (Key) => getS3().getSignedUrlPromise('putObject', { Bucket: 'docs', Key, Expires: 600 });
