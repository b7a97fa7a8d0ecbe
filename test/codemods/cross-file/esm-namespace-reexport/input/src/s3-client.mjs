import S3 from 'aws-sdk/clients/s3.js';

const client = new S3({ region: process.env.AWS_REGION });

export default client;
