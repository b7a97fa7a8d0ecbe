// Download links for invoices (PDFs in a private bucket), presigned by hand to avoid the SDK in the edge bundle.
import { createHmac } from 'crypto';

export interface InvoiceStorage {
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const LINK_TTL_SECONDS = 60 * 60 * 24;

function expiresAt(ttl: number): number {
  return Math.floor(Date.now() / 1000) + ttl;
}

function stringToSign(storage: InvoiceStorage, key: string, expires: number, disposition?: string): string {
  const sub = disposition ? `?response-content-disposition=${disposition}` : '';
  return `GET\n\n\n${expires}\n/${storage.bucket}/${key}${sub}`;
}

function hmacSha1(secret: string, text: string): string {
  return createHmac('sha1', secret).update(text).digest('base64'); // expect: no-legacy-signature
}

export function invoiceLink(storage: InvoiceStorage, invoiceId: string, fileName?: string): string {
  const key = `invoices/${invoiceId}.pdf`;
  const expires = expiresAt(LINK_TTL_SECONDS);
  const disposition = fileName ? `attachment; filename="${fileName}"` : undefined;
  const url = new URL(`https://${storage.bucket}.s3.amazonaws.com/${key}`);
  url.searchParams.set('AWSAccessKeyId', storage.accessKeyId); // expect: no-legacy-signature
  url.searchParams.set('Expires', String(expires));
  url.searchParams.set('Signature', hmacSha1(storage.secretAccessKey, stringToSign(storage, key, expires, disposition)));
  if (disposition) url.searchParams.set('response-content-disposition', disposition);
  return url.toString();
}

export function invoiceLinks(storage: InvoiceStorage, ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, invoiceLink(storage, id)]));
}
