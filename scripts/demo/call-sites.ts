// The demo app's call sites, and a child-process entry that runs them all against the endpoints in
// its environment and prints one JSON outcome per call (a fresh process sees the migrated code).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface CallSite {
  id: string;
  file: string;
  exportName: string;
  /** What the call sends, as a reader would name it. */
  request: string;
  args: (string | Uint8Array)[];
}

export interface CallOutcome {
  id: string;
  ok: boolean;
  status: number;
  /** AWS's error code, e.g. SignatureDoesNotMatch; empty on success. */
  code: string;
}

export const CALL_SITES: CallSite[] = [
  {
    id: 'save-report',
    file: 'src/storage.js',
    exportName: 'saveReport',
    request: "S3 PutObject, aws-sdk v2 client with signatureVersion 'v2'",
    args: ['reports/2026-11.csv', 'id,total\n1,42\n'],
  },
  {
    id: 'download-report',
    file: 'src/downloads.cjs',
    exportName: 'downloadReport',
    request: 'GET through s3.getSignedUrl, aws-sdk v2 defaults in us-east-1',
    args: ['reports/2026-11.csv'],
  },
  {
    id: 'download-archived-report',
    file: 'src/downloads.cjs',
    exportName: 'downloadArchivedReport',
    request: 'GET through a 30-day s3.getSignedUrl',
    args: ['reports/2026-11.csv'],
  },
  {
    id: 'upload-invoice',
    file: 'src/upload.ts',
    exportName: 'uploadInvoice',
    request: 'PUT to a URL presigned with ContentType application/pdf',
    args: ['invoices/2026-11.pdf', new TextEncoder().encode('%PDF-1.4 demo invoice')],
  },
  {
    id: 'send-welcome-email',
    file: 'src/mailer.ts',
    exportName: 'sendWelcomeEmail',
    request: 'SES SendEmail signed by hand with SigV3 (AWS3-HTTPS)',
    args: ['new.user@example.com'],
  },
  {
    id: 'send-alert',
    file: 'src/alerts.js',
    exportName: 'sendAlert',
    request: 'SES SendEmail, hand-built SigV4 with an unsorted query',
    args: ['oncall@example.com', "Disk at 97% (db-1)! Don't wait"],
  },
  {
    id: 'send-weekly-digest',
    file: 'src/digest.ts',
    exportName: 'sendWeeklyDigest',
    request: 'SES SendEmail as a GET URL signed by hand with SigV2 (SignatureVersion=2)',
    args: ['reader@example.com'],
  },
  {
    id: 'send-account-notice',
    file: 'src/notices.js',
    exportName: 'sendAccountNotice',
    request: 'SES SendEmail, a client class signing its query with SigV2 for the endpoint it is given',
    args: ['member@example.com'],
  },
  {
    id: 'send-newsletter',
    file: 'src/newsletter.js',
    exportName: 'sendNewsletter',
    request: 'SES SendEmail from a constructor-and-prototype mailer signed by hand with SigV3 (AWS3-HTTPS)',
    args: ['reader@example.com'],
  },
  {
    id: 'save-backup',
    file: 'src/backups.ts',
    exportName: 'saveBackup',
    request: 'S3 PutObject signed by hand with S3 SigV2 (Authorization: AWS key:signature)',
    args: ['backups/2026-11-30.txt', 'nightly export\n'],
  },
];

/** Reads status and AWS error code from what the app threw: aws-sdk v2 errors or fetch failures. */
export function outcomeOfError(id: string, error: unknown): CallOutcome {
  const { statusCode, code, message } = error as { statusCode?: number; code?: string; message?: string };
  const text = String(message ?? error);
  const status = statusCode ?? Number(/: (\d{3}) /.exec(text)?.[1] ?? 0);
  const awsCode = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? code ?? 'Error';
  return { id, ok: false, status, code: awsCode };
}

async function runCallSite(appDirectory: string, callSite: CallSite): Promise<CallOutcome> {
  try {
    const module = (await import(pathToFileURL(join(appDirectory, callSite.file)).href)) as Record<string, unknown>;
    const exports = (module[callSite.exportName] ? module : module.default) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const call = exports[callSite.exportName];
    if (typeof call !== 'function') throw new Error(`${callSite.file} does not export ${callSite.exportName}`);
    await call(...callSite.args);
    return { id: callSite.id, ok: true, status: 200, code: '' };
  } catch (error) {
    return outcomeOfError(callSite.id, error);
  }
}

async function runAllCallSites(appDirectory: string): Promise<void> {
  await readFile(join(appDirectory, 'package.json'));
  const outcomes: CallOutcome[] = [];
  for (const callSite of CALL_SITES) outcomes.push(await runCallSite(appDirectory, callSite));
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}

if (process.argv[1] === import.meta.filename && process.argv[2]) {
  await runAllCallSites(process.argv[2]);
}
