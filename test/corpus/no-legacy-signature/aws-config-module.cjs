// services/aws.cjs: one place that builds every AWS client from config/<env>.json.
const AWS = require('aws-sdk');
const path = require('path');

const env = process.env.NODE_ENV || 'development';

const config = {
  region: process.env.AWS_REGION || 'eu-west-1',
  s3: {
    apiVersion: '2006-03-01',
    endpoint: process.env.S3_ENDPOINT || undefined,
    signatureVersion: 'v2', // expect: no-legacy-signature
  },
  sqs: {
    apiVersion: '2012-11-05',
  },
  ses: {
    apiVersion: '2010-12-01',
    region: 'eu-west-1',
  },
  uploads: {
    bucket: process.env.UPLOADS_BUCKET || `uploads-${env}`,
    prefix: path.posix.join('incoming', env),
  },
};

AWS.config.update({ region: config.region });

const s3 = new AWS.S3(config.s3);
const sqs = new AWS.SQS(config.sqs);
const ses = new AWS.SES(config.ses);

function uploadKey(fileName) {
  return path.posix.join(config.uploads.prefix, `${Date.now()}-${fileName}`);
}

async function storeUpload(fileName, body) {
  const Key = uploadKey(fileName);
  try {
    await s3.upload({ Bucket: config.uploads.bucket, Key, Body: body }).promise();
  } catch (err) {
    err.message = `upload of ${fileName} failed: ${err.message}`;
    throw err;
  }
  return Key;
}

module.exports = { s3, sqs, ses, config, storeUpload };
