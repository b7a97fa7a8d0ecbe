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
 * The group's removals widened over the line breaks that would leave more than one blank line where
 * the group was: first those before it, then those between its removals, then those after it, so
 * an insertion at a removed statement's end (the helper's import) never falls inside a removal.
 */
function widenedGroup(text: string, group: TextEdit[]): TextEdit[] {
  const widened = group.map((removal) => ({ ...removal }));
  const first = widened[0]!;
  const last = widened[widened.length - 1]!;
  const before = /\s*$/.exec(text.slice(0, first.start))![0];
  const gaps = widened.slice(1).map((removal, index) => text.slice(widened[index]!.end, removal.start));
  const after = /^\s*/.exec(text.slice(last.end))![0];
  let extra = lineBreaks(before + gaps.join('') + after) - 2;
  for (let back = /\r?\n[ \t]*$/.exec(text.slice(0, first.start)); extra > 0 && back; back = /\r?\n[ \t]*$/.exec(text.slice(0, first.start)), extra -= 1) first.start -= back[0].length;
  for (const [index, gap] of gaps.entries()) {
    const removal = widened[index + 1]!;
    const breaks = Math.min(extra, lineBreaks(gap));
    const keptBreaks = lineBreaks(gap) - breaks;
    // The removal after the gap starts right after the gap's last kept line break.
    if (breaks > 0) removal.start = widened[index]!.end + (keptBreaks === 0 ? 0 : gap.split('\n').slice(0, keptBreaks).join('\n').length + 1);
    extra -= breaks;
  }
  for (let next = /^[ \t]*\r?\n/.exec(text.slice(last.end)); extra > 0 && next; next = /^[ \t]*\r?\n/.exec(text.slice(last.end)), extra -= 1) last.end += next[0].length;
  return widened;
}

/** The edits with each group of adjacent removals leaving at most one blank line. */
export function withoutDoubledBlankLines(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const widened = new Map<TextEdit, TextEdit>();
  for (const group of adjacentRemovalGroups(text, edits)) {
    widenedGroup(text, group).forEach((removal, index) => widened.set(group[index]!, removal));
  }
  return edits.map((edit) => widened.get(edit) ?? edit);
}
