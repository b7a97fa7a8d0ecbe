// Object storage adapter: AWS S3 in production, MinIO in development and CI.
'use strict';

const { S3 } = require('aws-sdk');

const useMinio = process.env.STORAGE_DRIVER === 'minio';

const minio = new S3({ // expect: require-sigv4-presign
  endpoint: 'http://127.0.0.1:9000',
  accessKeyId: process.env.MINIO_ROOT_USER,
  secretAccessKey: process.env.MINIO_ROOT_PASSWORD,
  s3ForcePathStyle: true,
});

const aws = new S3({ // expect: require-sigv4-presign
  endpoint: process.env.AWS_ENDPOINT_URL_S3,
  region: process.env.AWS_REGION,
});

function clientFor(bucket) {
  return useMinio || bucket.startsWith('dev-') ? minio : aws;
}

async function signedDownload(bucket, key) {
  const client = useMinio ? minio : aws;
  return client.getSignedUrlPromise('getObject', { Bucket: bucket, Key: key, Expires: 300 });
}

function signedUpload(bucket, key, contentType) {
  return new Promise((resolve, reject) => {
    aws.getSignedUrl('putObject', { Bucket: bucket, Key: key, ContentType: contentType, Expires: 300 }, (err, url) =>
      err ? reject(err) : resolve(url),
    );
  });
}

function devSignedUpload(key) {
  return minio.getSignedUrl('putObject', { Bucket: 'dev-uploads', Key: key });
}

module.exports = { clientFor, signedDownload, signedUpload, devSignedUpload };
