import S3 = require('aws-sdk/clients/s3');

const clientOptions: S3.ClientConfiguration = {
  region: 'ap-southeast-2',
  maxRetries: 3
};

const s3 = new S3(clientOptions);

export function previewUrl(key: string): string {
  return s3.getSignedUrl('getObject', { Bucket: 'previews', Key: key });
}
