// Share links for exported reports: presigned by hand for a week.
import { createHmac } from 'node:crypto';

const region = process.env.REPORTS_REGION ?? 'eu-central-1';
const bucket = process.env.REPORTS_BUCKET ?? 'reports';
const WEEK = 7 * 24 * 60 * 60;

export function shareLink(key, accessKeyId, secretAccessKey) {
  const expires = Math.floor(Date.now() / 1000) + WEEK;
  const signature = createHmac('sha1', secretAccessKey).update(`GET\n\n\n${expires}\n/${bucket}/${key}`).digest('base64');
  return `https://${bucket}.s3.${region}.amazonaws.com/${key}?AWSAccessKeyId=${accessKeyId}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`;
}

export function archiveLink(key, accessKeyId, secretAccessKey, days) {
  const expires = Math.floor(Date.now() / 1000) + days * 86400;
  const signature = createHmac('sha1', secretAccessKey).update(`GET\n\n\n${expires}\n/${bucket}/${key}`).digest('base64');
  return `https://${bucket}.s3.${region}.amazonaws.com/${key}?AWSAccessKeyId=${accessKeyId}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`;
}
