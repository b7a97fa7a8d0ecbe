// Uploads a log bundle with superagent.
import request from 'superagent';
import AWS from 'aws-sdk';

const s3 = new AWS.S3();

export function uploadLogs(bundle) {
  const signedUrl = s3.getSignedUrl('putObject', { Bucket: 'logs', Key: 'bundle.zip', ContentType: 'application/zip' });
  return request
    .put(signedUrl)
    .send(bundle)
    .then((res) => res.status);
}
