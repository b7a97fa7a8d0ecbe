// Human output: colours (NO_COLOR / FORCE_COLOR aware), the findings listing, skipped files and
// leftovers, errors and refusals, the summary line, and the progress bar drawn on a TTY's stderr.
// Nothing says "fixed" or "created" unless it was written.
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

/** "1 file", "2 files": `plural` defaults to `singular` + s. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

const STATUS_LABELS = { fixed: 'fixed', 'would-fix': 'would fix', manual: 'manual' } as const;

/** Under a finding, apart from the rule's message: what its fix does, or why it stays manual. */
function detailOf(finding: MigrateReport['files'][number]['findings'][number]): string | undefined {
  const detail = finding.status === 'manual' ? finding.why : finding.action;
  const forOther = finding.editFor ? `for ${finding.editFor}` : undefined;
  const parts = [forOther, detail].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(': ') : undefined;
}

/** One line per finding (the rule's message, as ESLint words it), grouped by file, with its detail below; `quiet` keeps only manual work. */
export function formatFindings(report: MigrateReport, paint: Paint, quiet: boolean): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const findings = file.findings.filter((finding) => !quiet || finding.status === 'manual');
    if (findings.length === 0) continue;
    lines.push(paint(BOLD, file.path));
    for (const finding of findings) {
      const label = STATUS_LABELS[finding.status].padEnd(9);
      const status = finding.status === 'manual' ? paint(YELLOW, label) : paint(GREEN, label);
      lines.push(`  ${paint(DIM, `${finding.line}:${finding.column}`.padEnd(8))} ${status}  ${paint(DIM, finding.rule)}  ${finding.message}`);
      const detail = detailOf(finding);
      if (detail) lines.push(`${' '.repeat(11)}${paint(DIM, `→ ${detail}`)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function formatErrors(report: MigrateReport, paint: Paint): string {
  const lines = report.errors.map((error) => `${paint(RED, 'error')} ${error.path}: ${error.message}`);
  if (report.refused.length > 0) {
    lines.push(
      `${paint(RED, 'refused to write')}: nothing was written, because ${report.refused.length === 1 ? 'this file has' : 'these files have'} uncommitted changes (commit or stash them, or pass --force):`,
      ...report.refused.map((path) => `  ${path}`),
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Files not scanned and temp files of killed runs: reported, never dropped without a word. */
export function formatSkipped(report: MigrateReport, paint: Paint): string {
  const lines = report.skipped.map((entry) => `${paint(YELLOW, 'skipped')} ${entry.path}: ${entry.reason}`);
  for (const leftover of report.leftovers) {
    const verb = leftover.removed ? 'removed' : report.dryRun ? 'would remove' : 'could not remove';
    lines.push(`${paint(DIM, verb)} ${leftover.path} (a temp file left by an interrupted run)`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function helperPart(report: MigrateReport): string | undefined {
  if (report.helper.length === 0) return undefined;
  const created = report.helper.filter((helper) => helper.created).map((helper) => helper.path);
  const planned = report.helper.filter((helper) => !helper.created).map((helper) => helper.path);
  const parts: string[] = [];
  if (created.length > 0) parts.push(`created helper ${created.join(', ')}`);
  if (planned.length > 0) parts.push(`${report.dryRun || report.refused.length > 0 ? 'would create' : 'did not create'} helper ${planned.join(', ')}`);
  return parts.join(', ');
}

export function formatSummary(report: MigrateReport, paint: Paint): string {
  const { totals } = report;
  const parts = [`${countOf(totals.files, 'file')} scanned`, countOf(totals.findings, 'finding')];
  if (totals.fixed > 0 || totals.wouldFix === 0) parts.push(paint(GREEN, `${totals.fixed} fixed`));
  if (totals.wouldFix > 0) parts.push(paint(GREEN, `${totals.wouldFix} would fix`));
  parts.push(paint(totals.manual > 0 ? YELLOW : GREEN, `${totals.manual} need manual work`));
  const wouldChange = report.files.filter((file) => file.findings.some((finding) => finding.status === 'would-fix')).length;
  if (report.dryRun) parts.push(`would change ${countOf(totals.filesChanged, 'file')}`);
  else parts.push(`changed ${countOf(totals.filesChanged, 'file')}`);
  if (!report.dryRun && report.refused.length > 0) parts.push(paint(RED, `refused: would change ${countOf(wouldChange, 'file')}`));
  const helper = helperPart(report);
  if (helper) parts.push(helper);
  if (report.skipped.length > 0) parts.push(paint(YELLOW, `${countOf(report.skipped.length, 'file')} skipped`));
  if (totals.errors > 0) parts.push(paint(RED, countOf(totals.errors, 'error')));
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
      stream.write(`\r\u001b[2K${bar} ${label} ${progress.filesDone}/${countOf(progress.filesTotal, 'file')}, ${countOf(progress.findings, 'finding')}`);
      drawn = true;
    },
    clear(): void {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
