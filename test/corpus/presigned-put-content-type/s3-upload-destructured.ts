// src/network/s3Upload.ts: uploads the picked image to the presigned URL and returns its public address.
import axios from 'axios';

type Nullable<T> = T | null;

type S3UploadArgs = {
  preSignedUrl: string;
  file: Nullable<File>;
};

function pureDomain(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export default async function s3Upload({ preSignedUrl, file }: S3UploadArgs): Promise<string> {
  if (!file) throw new Error('no file selected');
  await axios.put(preSignedUrl, file); // expect: presigned-put-content-type
  return pureDomain(preSignedUrl);
}
