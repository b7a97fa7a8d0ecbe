import { S3 } from 'aws-sdk';

const s3 = new S3({ region: 'eu-west-1', signatureVersion: 'v4' });
const headObject = (params: S3.HeadObjectRequest) => s3.headObject(params).promise();

const THIRTY_DAYS = 30 * 86400;

export async function attachmentLink(Key: string): Promise<string> {
  const params = { Bucket: 'attachments', Key, Expires: THIRTY_DAYS };
  await headObject({ Bucket: params.Bucket, Key: params.Key });
  return s3.getSignedUrl('getObject', params);
}
