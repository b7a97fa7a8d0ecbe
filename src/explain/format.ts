// The human report of `explain`: both canonical requests side by side with the differing parts marked,
// then one line per cause (or the remaining suspects). Takes an already redacted report.
import { diffArrays } from 'diff';
import { readCanonicalRequest } from './canonical';
import type { CanonicalParts } from './canonical';
import type { ExplainReport } from './types';

interface Row {
  aws: string | undefined;
  client: string | undefined;
  /** The canonical-request line the row shows; empty on a continuation row. */
  label: string;
}

const MARK_OPEN = '[[';
const MARK_CLOSE = ']]';

/** The report as text for a terminal; `problemLabel` names the unusable input (e.g. its file name). */
export function formatExplainReport(report: ExplainReport, problemLabel?: string): string {
  if (report.inputProblem !== undefined) return `${problemLabel ?? report.inputProblem.input}: ${report.inputProblem.message}\n`;
  const sections = [headerOf(report), canonicalSection(report), causeSection(report)].filter((section) => section !== '');
  return `${sections.join('\n\n')}\n`;
}

function headerOf(report: ExplainReport): string {
  const { aws } = report;
  return aws.code !== undefined ? `AWS answered ${aws.code}${aws.message ? `: ${firstLine(aws.message)}` : ''}` : '';
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function canonicalSection(report: ExplainReport): string {
  const awsText = report.aws.canonicalRequest;
  const clientText = report.client.canonicalRequest;
  if (awsText === undefined) return '';
  const awsTitle = report.aws.canonicalRequestSource === 'error' ? 'AWS computed (from its error)' : 'AWS computes (from the request)';
  if (clientText === undefined) return `${awsTitle}:\n${numbered(awsText.split('\n'))}\n(pass --canonical-request to compare it with what your code signed)`;
  const rows = alignRows(awsText, clientText);
  const width = Math.max(awsTitle.length, ...rows.map((row) => row.aws?.length ?? 0)) + MARK_OPEN.length + MARK_CLOSE.length;
  const lines = rows.map((row) => {
    const differs = row.aws !== row.client;
    const [left, right] = differs ? markDifference(row.aws ?? '', row.client ?? '') : [row.aws ?? '', row.client ?? ''];
    const shownLeft = row.aws === undefined ? '(absent)' : left;
    const shownRight = row.client === undefined ? '(absent)' : right;
    return `${differs ? '≠' : ' '} ${row.label.padStart(2)}  ${shownLeft.padEnd(width)} │ ${shownRight}`;
  });
  return [`     ${awsTitle.padEnd(width)} │ your code signed`, ...lines].join('\n');
}

function numbered(lines: string[]): string {
  return lines.map((line, index) => `  ${String(index + 1).padStart(2)}  ${line}`).join('\n');
}

/** Rows by part (method, path, query pair by pair, each header by name, signed headers, payload hash), or by line. */
function alignRows(awsText: string, clientText: string): Row[] {
  const aws = readCanonicalRequest(awsText);
  const client = readCanonicalRequest(clientText);
  if (aws === undefined || client === undefined) {
    const awsLines = awsText.split('\n');
    const clientLines = clientText.split('\n');
    return Array.from({ length: Math.max(awsLines.length, clientLines.length) }, (_, index) => ({ aws: awsLines[index], client: clientLines[index], label: String(index + 1) }));
  }
  const headerNames = [...new Set([...aws.headers, ...client.headers].map((header) => header.name))].sort();
  const headerLine = (parts: CanonicalParts, name: string): string | undefined => {
    const header = parts.headers.find((candidate) => candidate.name === name);
    return header === undefined ? undefined : (parts.lines[header.line - 1] as string);
  };
  const signedHeadersLine = aws.lines.length - 1;
  return [
    { aws: aws.method, client: client.method, label: '1' },
    { aws: aws.path, client: client.path, label: '2' },
    ...queryRows(aws.query, client.query),
    ...headerNames.map((name, index) => ({ aws: headerLine(aws, name), client: headerLine(client, name), label: String(4 + index) })),
    { aws: '', client: '', label: String(signedHeadersLine - 1) },
    { aws: aws.signedHeaders, client: client.signedHeaders, label: String(signedHeadersLine) },
    { aws: aws.payloadHash, client: client.payloadHash, label: String(signedHeadersLine + 1) },
  ];
}

/**
 * The query line, one name=value pair per row (continuations start with '&') so long queries stay
 * readable; pairs both sides share are aligned, the others paired up in order.
 */
function queryRows(awsQuery: string, clientQuery: string): Row[] {
  const rows: Row[] = [];
  let removed: string[] = [];
  for (const change of diffArrays(awsQuery.split('&'), clientQuery.split('&'))) {
    if (change.removed) {
      removed = change.value;
      continue;
    }
    const added = change.added ? change.value : [];
    for (let index = 0; index < Math.max(removed.length, added.length); index += 1) rows.push({ aws: removed[index], client: added[index], label: '' });
    if (!change.added) rows.push(...change.value.map((pair) => ({ aws: pair, client: pair, label: '' })));
    removed = [];
  }
  rows.push(...removed.map((pair) => ({ aws: pair, client: undefined, label: '' })));
  return rows.map((row, index) => ({
    aws: row.aws === undefined || index === 0 ? row.aws : `&${row.aws}`,
    client: row.client === undefined || index === 0 ? row.client : `&${row.client}`,
    label: index === 0 ? '3' : '',
  }));
}

/** Both texts with the part between their common prefix and suffix marked [[ ]]. */
function markDifference(a: string, b: string): [string, string] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  // Whole %XX escapes are marked, never half of one.
  while (prefix > 0 && (a[prefix - 1] === '%' || a[prefix - 2] === '%')) prefix -= 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  while (suffix > 0 && (isInsideEscape(a, a.length - suffix) || isInsideEscape(b, b.length - suffix))) suffix -= 1;
  const mark = (text: string): string => `${text.slice(0, prefix)}${MARK_OPEN}${text.slice(prefix, text.length - suffix)}${MARK_CLOSE}${text.slice(text.length - suffix)}`;
  return [mark(a), mark(b)];
}

/** Whether offset `at` falls on the 2nd or 3rd character of a %XX escape. */
function isInsideEscape(text: string, at: number): boolean {
  return text[at - 1] === '%' || text[at - 2] === '%';
}

function causeSection(report: ExplainReport): string {
  if (report.causes.length > 0) {
    const causes = report.causes.map((cause) => `  ${cause.id}${cause.line !== undefined ? ` (line ${cause.line})` : ''}: ${cause.message}`);
    const others = report.suspects.length > 0 ? ['Also differs (no cause id explains it):', ...report.suspects.map((suspect) => `  - ${suspect}`)] : [];
    return ['Causes:', ...causes, ...others].join('\n');
  }
  return ['No cause can be named from these inputs. Remaining suspects:', ...report.suspects.map((suspect) => `  - ${suspect}`)].join('\n');
}
