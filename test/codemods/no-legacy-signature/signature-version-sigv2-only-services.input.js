// SimpleDB and Import/Export speak only SigV2: their 'v2' is right and stays; S3's is rewritten.
import AWS from 'aws-sdk';

export const sdb = new AWS.SimpleDB({ region: 'us-east-1', signatureVersion: 'v2' });

const exportConfig = { signatureVersion: 'v2' };
export const importExport = new AWS.ImportExport(exportConfig);

// aws-sdk's own region table, as its browser bundle carries it.
export const regionConfig = {
  '*/importexport': { endpoint: '{service}.amazonaws.com', signatureVersion: 'v2', globalEndpoint: true },
  '*/sdb': { endpoint: '{service}.{region}.amazonaws.com', signatureVersion: 'v2' },
};

export const s3 = new AWS.S3({ region: 'eu-west-1', signatureVersion: 'v2' });
