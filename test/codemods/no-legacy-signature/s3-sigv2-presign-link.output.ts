// Download links for invoices (PDFs in a private bucket), presigned by hand.
import { presignUrl } from 'sigv4-migrate/sigv4';

const INVOICE_BUCKET = 'acme-invoices';
const LINK_TTL_SECONDS = 60 * 60 * 24;

export function invoiceLink(accessKeyId: string, secretAccessKey: string, invoiceId: string): string {
  const key = `invoices/${invoiceId}.pdf`;
  return presignUrl({ method: 'GET', url: `https://${INVOICE_BUCKET}.s3.us-west-2.amazonaws.com/${key}` }, { service: 's3', region: 'us-west-2', credentials: { accessKeyId, secretAccessKey }, expiresIn: LINK_TTL_SECONDS }).url;
}
