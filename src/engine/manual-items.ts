// What a finding's report says (issue 13): the rule's own message, exactly as ESLint words it, plus
// apart from it what the codemod does (`action`) or why it could not (`why`). Manual work is listed
// once per thing to do (issue 9 §3): the same rule saying the same thing on the same line (two
// reports on one node, or one value reached twice) is one item.
import type { FindingReport } from './plan-fixes';

/** Where a report sits and which rule's message it carries. */
export interface ReportSite {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule's message as ESLint reports it. */
  message: string;
}

/** One sentence, starting with a capital and ending with a full stop: how `why` reads after the message. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * A codemod's reason for leaving a finding manual, shown apart from the message: nothing when it
 * only repeats the message, and without the message when it starts with it.
 */
export function whyOf(reason: string | undefined, message: string): string | undefined {
  const rest = reason?.startsWith(message) ? reason.slice(message.length) : reason;
  const trimmed = rest?.trim().replace(/^\((.*)\)\.?$/, '$1');
  return trimmed ? asSentence(trimmed) : undefined;
}

/** The report of a fix (planned; the CLI settles whether it was written); `note` says what it does, in the present tense. */
export function fixedReport(site: ReportSite, note: string | undefined, edits: FindingReport['edits']): FindingReport {
  const action = note?.trim();
  return { ...site, status: 'fixed', ...(action ? { action } : {}), ...(edits ? { edits } : {}) };
}

/** The report of manual work; `reason` is the codemod's, turned into `why`. */
export function manualReport(site: ReportSite, reason: string | undefined): FindingReport {
  const why = whyOf(reason, site.message);
  return { ...site, status: 'manual', ...(why ? { why } : {}) };
}

export function withoutDuplicateManualItems(reports: readonly FindingReport[]): FindingReport[] {
  const seen = new Set<string>();
  return reports.filter((report) => {
    if (report.status !== 'manual') return true;
    const key = `${report.rule}\n${report.line}\n${report.message}\n${report.why ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
