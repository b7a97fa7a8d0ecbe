import AWS from 'aws-sdk';

const options = (name) => ({ region: 'eu-west-1', signatureVersion: name === 'ses' ? 'v3' : name === 'sts' ? 'v2' : 'v4' });

export const mail = new AWS.SES(options('ses'));
export const tokens = new AWS.STS(options('sts'));
