import AWS from 'aws-sdk';

const options = (name) => ({ region: 'eu-west-1', signatureVersion: 'v4' });

export const mail = new AWS.SES(options('ses'));
export const tokens = new AWS.STS(options('sts'));
