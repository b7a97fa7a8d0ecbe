// api/storage.cjs: presigned uploads for the invoice service (PDF only).
const AWS = require('aws-sdk');

const s3 = new AWS.S3({ region: process.env.AWS_REGION || 'eu-central-1', signatureVersion: 'v4' });
const BUCKET = process.env.INVOICE_BUCKET || 'invoices';

function invoiceUploadTarget(invoiceId) {
  return s3.getSignedUrl('putObject', {
    Bucket: BUCKET,
    Key: `invoices/${invoiceId}.pdf`,
    ContentType: 'application/pdf',
    Expires: 600,
  });
}

module.exports = { invoiceUploadTarget };
