import AWS from 'aws-sdk';

AWS.config.update({ region: 'us-east-1' });
const s3 = new AWS.S3({ apiVersion: '2006-03-01', signatureVersion: 'v4' });

export function download(Key) {
  return s3.getSignedUrl('getObject', { Bucket: 'media', Key, Expires: 604800 /* SigV4 maximum (7 days); was Expires */ });
}

const exportParams = { Bucket: 'exports', Key: 'latest.csv', Expires: 604800 /* SigV4 maximum (7 days); was 1209600 */ };

export const latestExport = () => s3.getSignedUrl('getObject', exportParams);
