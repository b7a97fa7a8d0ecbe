// src/files/file-links.service.ts: download links for invoices, the S3 client built on first use.
import { S3 } from 'aws-sdk';

export interface FileLinksOptions {
  bucket: string;
  region: string;
  linkSeconds?: number;
}

export class FileLinksService {
  private cached?: S3;

  constructor(private readonly options: FileLinksOptions) {}

  private get client(): S3 {
    if (!this.cached) {
      this.cached = new S3({ region: this.options.region, apiVersion: '2006-03-01' }); // expect: require-sigv4-presign
    }
    return this.cached;
  }

  async invoiceLink(customerId: string, invoiceId: string): Promise<string> {
    try {
      return await this.client.getSignedUrlPromise('getObject', {
        Bucket: this.options.bucket,
        Key: `invoices/${customerId}/${invoiceId}.pdf`,
        Expires: this.options.linkSeconds ?? 900,
        ResponseContentDisposition: `attachment; filename="${invoiceId}.pdf"`,
      });
    } catch (error) {
      throw new Error(`could not sign invoice ${invoiceId}: ${(error as Error).message}`);
    }
  }
}
