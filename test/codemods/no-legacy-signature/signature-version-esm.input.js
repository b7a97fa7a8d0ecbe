// aws-sdk v2 clients pinned to legacy signers, ESM default import.
import AWS from 'aws-sdk';

export const s3 = new AWS.S3({
  region: 'eu-west-1',
  signatureVersion: 'v2', // set in 2015 for an old bucket
});

export const ses = new AWS.SES({ region: 'us-east-1', signatureVersion: "v3" });

const options = { apiVersion: '2012-11-05', signatureVersion: `v3https` };
export const sqs = new AWS.SQS(options);
