// Namespace import of aws-sdk v2, global config and a spread base config.
import * as AWS from 'aws-sdk';

AWS.config.update({ region: 'ap-southeast-2', signatureVersion: 'v4' });

const base = { signatureVersion: 'v4', maxRetries: 3 };
export const s3 = new AWS.S3({ ...base, region: 'ap-southeast-2' });
