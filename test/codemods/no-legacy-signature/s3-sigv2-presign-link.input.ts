// Download links for invoices (PDFs in a private bucket), presigned by hand.
import { createHmac } from 'crypto';

const INVOICE_BUCKET = 'acme-invoices';
const LINK_TTL_SECONDS = 60 * 60 * 24;

function hmacSha1(secret: string, text: string): string {
  return createHmac('sha1', secret).update(text).digest('base64');
}

export function invoiceLink(accessKeyId: string, secretAccessKey: string, invoiceId: string): string {
  const key = `invoices/${invoiceId}.pdf`;
  const expires = Math.floor(Date.now() / 1000) + LINK_TTL_SECONDS;
  const signature = hmacSha1(secretAccessKey, `GET\n\n\n${expires}\n/${INVOICE_BUCKET}/${key}`);
  return `https://${INVOICE_BUCKET}.s3.us-west-2.amazonaws.com/${key}?AWSAccessKeyId=${accessKeyId}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`;
}
