import S3 from 'aws-sdk/clients/s3';

const RETENTION_SECONDS = 60 * 60 * 24 * 90;

export class Archive {
  private readonly s3 = new S3({ region: 'us-east-1', signatureVersion: 'v4' });

  url(key: string): string {
    return this.s3.getSignedUrl('getObject', { Bucket: 'archive', Key: key, Expires: 604800 /* SigV4 maximum (7 days); was RETENTION_SECONDS */ });
  }

  retention(): number {
    return RETENTION_SECONDS;
  }
}
