// A MinIO server that may need SigV2: left alone (reported as manual work).
import AWS from 'aws-sdk';

export const minio = new AWS.S3({
  endpoint: 'http://localhost:9000',
  s3ForcePathStyle: true,
  signatureVersion: 'v2',
});
