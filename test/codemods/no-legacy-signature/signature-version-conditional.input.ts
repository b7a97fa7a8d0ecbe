import * as AWS from 'aws-sdk';

type ServiceName = 'ses' | 's3';

function clientOptions(service: ServiceName): AWS.ConfigurationOptions & { signatureVersion?: string } {
  return {
    region: 'us-east-1',
    maxRetries: service === 's3' ? 10 : 3,
    signatureVersion: service === 'ses' ? 'v3' : 'v4',
  };
}

export const ses = (): AWS.SES => new AWS.SES(clientOptions('ses'));
export const s3 = (): AWS.S3 => new AWS.S3(clientOptions('s3'));
