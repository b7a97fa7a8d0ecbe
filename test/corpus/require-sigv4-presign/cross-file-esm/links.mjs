// src/reports/links.mjs: links in the monthly report e-mail, valid until the next report is out.
import { s3, REPORTS_BUCKET } from './s3.mjs';

const MONTH = 31 * 24 * 60 * 60;

export async function reportLink(accountId, period) {
  return s3.getSignedUrlPromise('getObject', {
    Bucket: REPORTS_BUCKET,
    Key: `${accountId}/${period}/report.pdf`,
    Expires: MONTH, // expect: require-sigv4-presign
  });
}

export async function attachmentLinks(accountId, period, names) {
  return Promise.all(
    names.map((name) =>
      s3.getSignedUrlPromise('getObject', { Bucket: REPORTS_BUCKET, Key: `${accountId}/${period}/${name}`, Expires: 3600 }),
    ),
  );
}
