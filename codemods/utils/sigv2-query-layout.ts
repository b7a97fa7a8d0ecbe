// Removed statements that stood together between two blank lines (`import { createHmac } …`,
// `const SIG_VERSION = 2;` under the header comment) leave one blank line, not two or three.
import type { TextEdit } from '../types';

/** Pure removals, in order, grouped where only whitespace separates them. */
function adjacentRemovalGroups(text: string, edits: readonly TextEdit[]): TextEdit[][] {
  const removals = edits.filter((edit) => edit.text === '').sort((a, b) => a.start - b.start);
  const groups: TextEdit[][] = [];
  for (const removal of removals) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && last.end <= removal.start && /^\s*$/.test(text.slice(last.end, removal.start))) group.push(removal);
    else groups.push([removal]);
  }
  return groups;
}

function lineBreaks(whitespace: string): number {
  return whitespace.split('\n').length - 1;
}

/**
 * The edits with the last removal of each group taking the line breaks after it that would leave
 * more than one blank line where the group was.
 */
export function withoutDoubledBlankLines(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const widened = new Map<TextEdit, TextEdit>();
  for (const group of adjacentRemovalGroups(text, edits)) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const before = /\s*$/.exec(text.slice(0, first.start))![0];
    const gaps = group.slice(1).map((removal, index) => text.slice(group[index]!.end, removal.start)).join('');
    const after = /^\s*/.exec(text.slice(last.end))![0];
    let extra = lineBreaks(before + gaps + after) - 2;
    let end = last.end;
    for (let next = /^[ \t]*\r?\n/.exec(text.slice(end)); extra > 0 && next; next = /^[ \t]*\r?\n/.exec(text.slice(end)), extra -= 1) end += next[0].length;
    if (end !== last.end) widened.set(last, { ...last, end });
  }
  return edits.map((edit) => widened.get(edit) ?? edit);
}
