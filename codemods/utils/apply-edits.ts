// Applies one batch of TextEdits to a file's text in a single pass, refusing overlapping edits so
// two fixes can never silently corrupt each other.
import type { TextEdit } from '../types';

export class OverlappingEditsError extends Error {
  constructor(readonly first: TextEdit, readonly second: TextEdit) {
    super(`edits overlap: [${first.start}, ${first.end}) and [${second.start}, ${second.end})`);
  }
}

/** Edits sorted by position; identical duplicates (the same insertion twice) collapse to one. */
function sortAndDedupe(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.filter((edit, index) => {
    const previous = sorted[index - 1];
    return !previous || previous.start !== edit.start || previous.end !== edit.end || previous.text !== edit.text;
  });
}

/** True when `b` (starting at or after `a`) touches `a`'s range in a way whose result depends on order. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (b.start < a.end) return true;
  // Two different insertions at the same point: their order would be a guess.
  return a.start === a.end && b.start === b.end && a.start === b.start;
}

/** Returns the first pair of overlapping edits, or undefined when the batch is consistent. */
export function findOverlap(edits: readonly TextEdit[]): [TextEdit, TextEdit] | undefined {
  const sorted = sortAndDedupe(edits);
  for (let index = 1; index < sorted.length; index += 1) {
    const previous = sorted[index - 1]!;
    const current = sorted[index]!;
    if (overlaps(previous, current)) return [previous, current];
  }
  return undefined;
}

/** Applies every edit (offsets into `text`) at once; throws OverlappingEditsError on overlap. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortAndDedupe(edits);
  const parts: string[] = [];
  let cursor = 0;
  for (let index = 0; index < sorted.length; index += 1) {
    const edit = sorted[index]!;
    const previous = sorted[index - 1];
    if (previous && overlaps(previous, edit)) throw new OverlappingEditsError(previous, edit);
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside the text (length ${text.length})`);
    }
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
