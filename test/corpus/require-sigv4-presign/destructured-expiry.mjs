// lib/attachments.mjs: signed attachment links for the help desk; callers may choose the lifetime.
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: process.env.AWS_REGION, signatureVersion: 'v4' });
const BUCKET = process.env.ATTACHMENTS_BUCKET;

export function attachmentLink({ ticketId, fileName, expires = 60 * 60 * 24 * 30 }) {
  if (!ticketId || !fileName) throw new TypeError('ticketId and fileName are required');
  return s3.getSignedUrlPromise('getObject', {
    Bucket: BUCKET,
    Key: `tickets/${ticketId}/${fileName}`,
    Expires: expires, // expect: require-sigv4-presign
  });
}

export async function attachmentLinks(ticketId, fileNames) {
  const links = await Promise.allSettled(fileNames.map((fileName) => attachmentLink({ ticketId, fileName, expires: 3600 })));
  return links.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}
