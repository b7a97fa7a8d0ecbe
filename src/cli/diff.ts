// The --dry-run diff: unified patches from jsdiff (`diff`), which `git apply` and patch(1) accept,
// coloured for a terminal, and the one-line stand-in for the vendored helper.
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import type { Paint } from './output';

/** A unified diff of `before` → `after` with three lines of context; '' when they are equal. */
export function unifiedDiff(before: string, after: string, path: string, options: { newFile?: boolean } = {}): string {
  if (before === after) return '';
  const oldName = options.newFile ? '/dev/null' : `a/${path}`;
  return createTwoFilesPatch(oldName, `b/${path}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

const BOLD = 1;
const RED = 31;
const GREEN = 32;
const CYAN = 36;

/** Colours a unified diff line by line, as git does; `paint` decides whether colour is on. */
export function colorizeDiff(diff: string, paint: Paint): string {
  return diff.replace(/^.*$/gm, (line) => {
    if (line.startsWith('--- ') || line.startsWith('+++ ')) return paint(BOLD, line);
    if (line.startsWith('@@')) return paint(CYAN, line);
    if (line.startsWith('+')) return paint(GREEN, line);
    if (line.startsWith('-')) return paint(RED, line);
    return line;
  });
}

export function countLines(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** What a dry run shows for the vendored helper unless --print-helper asks for its text. */
export function helperSummaryLine(path: string, content: string): string {
  const lines = countLines(content);
  return `+ would create ${path} (SigV4 helper, ${lines} ${lines === 1 ? 'line' : 'lines'})\n`;
}
