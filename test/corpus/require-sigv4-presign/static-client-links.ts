// src/reports/report-links.ts: static helpers that sign report downloads for the admin UI.
import { S3 } from 'aws-sdk';

const REPORTS_BUCKET = process.env.REPORTS_BUCKET ?? 'company-reports';

export class ReportLinks {
  private static readonly s3 = new S3({ region: 'us-east-1', apiVersion: '2006-03-01' }); // expect: require-sigv4-presign

  static async download(reportId: string): Promise<string> {
    try {
      return await this.s3.getSignedUrlPromise('getObject', {
        Bucket: REPORTS_BUCKET,
        Key: `reports/${reportId}.xlsx`,
        Expires: 600,
      });
    } catch (error) {
      throw new Error(`report ${reportId}: ${(error as Error).message}`);
    }
  }

  static preview(reportId: string): string {
    return ReportLinks.s3.getSignedUrl('getObject', { Bucket: REPORTS_BUCKET, Key: `previews/${reportId}.png`, Expires: 120 });
  }
}
