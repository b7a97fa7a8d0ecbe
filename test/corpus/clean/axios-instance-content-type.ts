// src/lib/storage-client.ts: one axios instance for S3 uploads, its Content-Type fixed where it is created.
import axios from 'axios';

/** The API presigns every export as application/octet-stream; the instance sends exactly that. */
export const storage = axios.create({
  timeout: 120_000,
  headers: { 'Content-Type': 'application/octet-stream' },
});

interface ExportTarget {
  uploadUrl: string;
  downloadUrl: string;
}

export async function uploadExport(bytes: Uint8Array, target: ExportTarget): Promise<string> {
  await storage.put(target.uploadUrl, bytes);
  return target.downloadUrl;
}

const reports = axios.create({ timeout: 60_000 });
reports.defaults.headers.put['Content-Type'] = 'text/csv';

export async function uploadReport(csv: string, signedUrl: string): Promise<void> {
  await reports.put(signedUrl, csv);
}
