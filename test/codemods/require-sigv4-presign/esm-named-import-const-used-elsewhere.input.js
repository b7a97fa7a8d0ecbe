import { S3 } from "aws-sdk";

const ONE_MONTH = 30 * 24 * 60 * 60;

const s3 = new S3({
  apiVersion: "2006-03-01" // pinned
});

export async function exportLink(key) {
  return s3.getSignedUrlPromise("getObject", { Bucket: "exports", Key: key, Expires: ONE_MONTH });
}

export const cacheSeconds = ONE_MONTH;
