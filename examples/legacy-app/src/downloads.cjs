// Hands out download links for stored reports.
const S3 = require('aws-sdk/clients/s3');

const s3 = new S3({
  region: 'us-east-1',
  endpoint: process.env.AWS_ENDPOINT_URL_S3,
  s3ForcePathStyle: true,
});

const BUCKET = process.env.REPORTS_BUCKET || 'reports';
const THIRTY_DAYS = 30 * 24 * 60 * 60;

function downloadLink(key) {
  return s3.getSignedUrl('getObject', { Bucket: BUCKET, Key: key, Expires: 900 });
}

// Links in monthly e-mails must outlive the month.
function archiveLink(key) {
  return s3.getSignedUrl('getObject', { Bucket: BUCKET, Key: key, Expires: THIRTY_DAYS });
}

async function fetchReport(link) {
  const response = await fetch(link);
  const text = await response.text();
  if (!response.ok) throw new Error(`GET report failed: ${response.status} ${text}`);
  return text;
}

exports.downloadReport = (key) => fetchReport(downloadLink(key));
exports.downloadArchivedReport = (key) => fetchReport(archiveLink(key));
