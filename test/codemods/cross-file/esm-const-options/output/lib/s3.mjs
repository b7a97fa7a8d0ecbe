// The client's options in a const only the construction reads: the option goes into that literal.
import AWS from 'aws-sdk';

const config = {
  region: process.env.REPORTS_REGION ?? 'us-east-1',
  maxRetries: 5,
  signatureVersion: 'v4',
};

export const s3 = new AWS.S3(config);

// Shared options: another client reads them too, so they are left alone here.
const shared = { region: process.env.AWS_REGION };
export const archive = new AWS.S3(shared);
export const queue = new AWS.SQS(shared);
