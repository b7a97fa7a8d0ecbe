import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'eu-west-1', signatureVersion: 'v4' });

export function avatarUploadUrl(userId) {
  return s3.getSignedUrl('putObject', { Bucket: 'avatars', Key: `${userId}.png`, ContentType: 'image/png', Expires: 300 });
}
