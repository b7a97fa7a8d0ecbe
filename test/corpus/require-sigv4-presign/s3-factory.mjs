// lib/storage.mjs: S3 access for the docs portal (aws-sdk v2 in an ESM codebase).
import AWS from 'aws-sdk';
import { randomUUID } from 'node:crypto';

const s3Options = { apiVersion: '2006-03-01' };
if (process.env.S3_ENDPOINT) {
  s3Options.endpoint = process.env.S3_ENDPOINT;
  s3Options.s3ForcePathStyle = true;
}
if (process.env.S3_REGION) s3Options.region = process.env.S3_REGION;

let client;
export const getS3 = () => {
  if (!client) client = new AWS.S3(s3Options); // expect: require-sigv4-presign
  return client;
};

const BUCKET = process.env.DOCS_BUCKET ?? 'docs-portal';

export async function uploadTarget(fileName, contentType) {
  const key = `drafts/${randomUUID()}/${fileName}`;
  const url = await getS3().getSignedUrlPromise('putObject', {
    Bucket: BUCKET,
    Key: key,
    ContentType: contentType,
    Expires: 10 * 60,
  });
  return { key, url };
}

export async function publishedUrl(key) {
  return getS3().getSignedUrlPromise('getObject', { Bucket: BUCKET, Key: key, Expires: 3600 });
}

export async function listDrafts(prefix = 'drafts/') {
  const out = await getS3().listObjectsV2({ Bucket: BUCKET, Prefix: prefix }).promise();
  return (out.Contents ?? []).map((item) => ({ key: item.Key, size: item.Size, modified: item.LastModified }));
}
