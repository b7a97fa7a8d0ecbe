// jobs/archive-job.cjs: renders each closed invoice to PDF and archives it in S3.
const got = require('got');
const { renderPdf } = require('./render');
const { invoiceUploadTarget } = require('./storage.cjs');

async function archiveInvoice(invoice) {
  const pdf = await renderPdf(invoice);
  const url = invoiceUploadTarget(invoice.id);
  await got.put(url, { body: pdf, timeout: { request: 30000 } }); // expect-across-files: presigned-put-content-type
  return `invoices/${invoice.id}.pdf`;
}

module.exports = { archiveInvoice };
