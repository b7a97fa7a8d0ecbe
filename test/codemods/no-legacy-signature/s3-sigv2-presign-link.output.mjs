// Share links for exported reports: presigned by hand for a week.
import { presignUrl } from 'sigv4-migrate/sigv4';

const region = process.env.REPORTS_REGION ?? 'eu-central-1';
const bucket = process.env.REPORTS_BUCKET ?? 'reports';
const WEEK = 7 * 24 * 60 * 60;

export function shareLink(key, accessKeyId, secretAccessKey) {
  return presignUrl({ method: 'GET', url: `https://${bucket}.s3.${region}.amazonaws.com/${key}` }, { service: 's3', region, credentials: { accessKeyId, secretAccessKey }, expiresIn: WEEK }).url;
}

export function archiveLink(key, accessKeyId, secretAccessKey, days) {
  return presignUrl({ method: 'GET', url: `https://${bucket}.s3.${region}.amazonaws.com/${key}` }, { service: 's3', region, credentials: { accessKeyId, secretAccessKey }, expiresIn: Math.min(days * 86400, 604800) }).url;
}
