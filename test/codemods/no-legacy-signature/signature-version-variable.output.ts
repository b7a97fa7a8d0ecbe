// Legacy versions read through variables used only by the client config.
import AWS = require('aws-sdk');
import { S3 } from 'aws-sdk';

const SIGNER = 'v4';
const signatureVersion = "v4";

export const s3 = new S3({ region: 'us-west-2', signatureVersion: SIGNER } as AWS.S3.ClientConfiguration);
export const archive = new AWS.S3({ signatureVersion });
