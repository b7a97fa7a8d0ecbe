// Nightly job that exports CSV reports to S3 and emails customers a download link.
import AWS = require('aws-sdk');
import { sendMail } from './mailer';

AWS.config.update({ region: 'us-west-2' });

const s3 = new AWS.S3({ // expect: require-sigv4-presign
  httpOptions: { timeout: 120_000 },
  // Reports are large; multipart uploads need the longer timeout above.
});

const LINK_TTL = 3 * 24 * 3600;

export async function exportReport(customerId: string, csv: string): Promise<void> {
  const Key = `reports/${customerId}/${new Date().toISOString().slice(0, 10)}.csv`;
  await s3.putObject({ Bucket: 'customer-reports', Key, Body: csv, ContentType: 'text/csv' }).promise();
  const link = await s3.getSignedUrlPromise('getObject', { Bucket: 'customer-reports', Key, Expires: LINK_TTL });
  await sendMail(customerId, 'Your report is ready', `Download it within three days: ${link}`);
}
