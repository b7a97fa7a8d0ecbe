// Human output: colours (NO_COLOR / FORCE_COLOR aware), the findings listing, the summary line,
// and the progress bar drawn on a TTY's stderr.
import type { MigrateProgress, MigrateReport } from './migration';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type Paint = (code: number, text: string) => string;

/** FORCE_COLOR wins (as in Node), then NO_COLOR, then whether the stream is a terminal. */
export function colorEnabled(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

export function createPaint(enabled: boolean): Paint {
  return (code, text) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
}

const RED = 31;
const GREEN = 32;
const YELLOW = 33;
const DIM = 2;
const BOLD = 1;

/** One line per finding, grouped by file; `quiet` keeps only manual work. */
export function formatFindings(report: MigrateReport, paint: Paint, quiet: boolean): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const findings = file.findings.filter((finding) => !quiet || finding.status === 'manual');
    if (findings.length === 0) continue;
    lines.push(paint(BOLD, file.path));
    for (const finding of findings) {
      const status = finding.status === 'fixed' ? paint(GREEN, 'fixed ') : paint(YELLOW, 'manual');
      lines.push(`  ${paint(DIM, `${finding.line}:${finding.column}`.padEnd(8))} ${status}  ${paint(DIM, finding.rule)}  ${finding.message}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function formatErrors(report: MigrateReport, paint: Paint): string {
  const lines = report.errors.map((error) => `${paint(RED, 'error')} ${error.path}: ${error.message}`);
  if (report.refused.length > 0) {
    lines.push(
      `${paint(RED, 'refusing to write')}: these files have uncommitted changes (commit them first, or pass --force):`,
      ...report.refused.map((path) => `  ${path}`),
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function formatSummary(report: MigrateReport, paint: Paint): string {
  const { totals } = report;
  const verb = report.dryRun ? 'would change' : 'changed';
  const parts = [
    `${totals.files} files scanned`,
    `${totals.findings} findings`,
    paint(GREEN, `${totals.fixed} fixed`),
    paint(totals.manual > 0 ? YELLOW : GREEN, `${totals.manual} need manual work`),
    `${verb} ${totals.filesChanged} files`,
  ];
  if (report.helper.length > 0) parts.push(`helper ${report.helper.map((helper) => helper.path).join(', ')}`);
  if (totals.errors > 0) parts.push(paint(RED, `${totals.errors} errors`));
  const interrupted = report.interrupted ? `${paint(RED, 'interrupted')}: every file is either unchanged or fully rewritten\n` : '';
  return `${interrupted}${parts.join(', ')}\n`;
}

/** Redraws one status line on a TTY, at most every 50 ms. */
export function createProgressBar(stream: OutputStream, paint: Paint) {
  let lastDraw = 0;
  let drawn = false;
  return {
    update(progress: MigrateProgress): void {
      const now = Date.now();
      if (now - lastDraw < 50 && progress.filesDone < progress.filesTotal) return;
      lastDraw = now;
      const width = 24;
      const filled = progress.filesTotal === 0 ? width : Math.round((progress.filesDone / progress.filesTotal) * width);
      const bar = paint(GREEN, '█'.repeat(filled)) + paint(DIM, '░'.repeat(width - filled));
      const label = progress.phase === 'scan' ? 'scanning' : 'writing';
      stream.write(`\r\u001b[2K${bar} ${label} ${progress.filesDone}/${progress.filesTotal} files, ${progress.findings} findings`);
      drawn = true;
    },
    clear(): void {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
