// Export worker: writes CSV reports to S3 and e-mails a link to the requester.
const AWS = require('aws-sdk');
const { stringify } = require('csv-stringify/sync');
const mailer = require('./mailer');

const clientOptions = {
  region: 'us-east-1',
  apiVersion: '2006-03-01',
};
clientOptions.accessKeyId = process.env.EXPORT_AWS_KEY;
clientOptions.secretAccessKey = process.env.EXPORT_AWS_SECRET;
clientOptions.httpOptions = { timeout: 120000 };

const s3 = new AWS.S3(clientOptions); // expect: require-sigv4-presign

const BUCKET = process.env.EXPORT_BUCKET;
const WEEK = 7 * 24 * 60 * 60;

async function writeReport(job, rows) {
  const key = `exports/${job.accountId}/${job.id}.csv`;
  await s3
    .putObject({ Bucket: BUCKET, Key: key, Body: stringify(rows, { header: true }), ContentType: 'text/csv' })
    .promise();
  return key;
}

function reportLink(key) {
  const params = { Bucket: BUCKET, Key: key };
  params.Expires = WEEK * 2; // expect: require-sigv4-presign
  params.ResponseContentType = 'text/csv';
  return s3.getSignedUrl('getObject', params);
}

async function runExport(job, rows) {
  const key = await writeReport(job, rows);
  const url = reportLink(key);
  await mailer.send({
    to: job.requestedBy,
    subject: `Your export ${job.name} is ready`,
    text: `Download it here (link valid for two weeks):\n${url}`,
  });
  return { key, url };
}

module.exports = { runExport, reportLink };
