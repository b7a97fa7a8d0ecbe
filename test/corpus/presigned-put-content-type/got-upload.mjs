// jobs/archive-invoices.mjs: renders invoice PDFs and stores them through presigned PUT URLs.
import AWS from 'aws-sdk';
import got from 'got';
import { createReadStream } from 'node:fs';
import { renderInvoice } from '../pdf/render.mjs';

const s3 = new AWS.S3({ region: 'eu-west-1', signatureVersion: 'v4' });
const BUCKET = process.env.INVOICE_BUCKET ?? 'invoices';

async function presignPut(key, contentType) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: BUCKET, Key: key, ContentType: contentType, Expires: 900 });
  return { url, key };
}

export async function archiveInvoice(invoice) {
  const file = await renderInvoice(invoice);
  const { url } = await presignPut(`${invoice.customerId}/${invoice.number}.pdf`, 'application/pdf');
  await got.put(url, { body: createReadStream(file), retry: { limit: 2 } }); // expect: presigned-put-content-type
  return url.split('?')[0];
}

export async function archiveAll(invoices, { concurrency = 4 } = {}) {
  const queue = [...invoices];
  const done = [];
  const workers = Array.from({ length: concurrency }, async () => {
    while (queue.length > 0) {
      const invoice = queue.shift();
      try {
        done.push(await archiveInvoice(invoice));
      } catch (error) {
        console.error(`invoice ${invoice.number}: ${error.message}`);
      }
    }
  });
  await Promise.all(workers);
  return done;
}
