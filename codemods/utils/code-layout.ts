// The file's own layout for written and removed code: indentation, quotes, trailing commas, and
// removals that take a statement's line or a list element's comma with them.
import { Node } from 'ts-morph';
import type { NoSubstitutionTemplateLiteral, SourceFile, StringLiteral } from 'ts-morph';
import type { TextEdit } from '../types';

/** The white space that starts the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** One level of indentation: what the statement adds to its block's line, else the file's first indented line. */
export function indentUnit(text: string, statement: Node): string {
  const own = indentOf(text, statement.getStart());
  const block = statement.getParent();
  if (own && block && !Node.isSourceFile(block)) {
    const outer = indentOf(text, block.getStart());
    if (own.startsWith(outer) && own.length > outer.length) return own.slice(outer.length);
  }
  const first = /\n([ \t]+)\S/.exec(text)?.[1];
  return first?.startsWith('\t') ? '\t' : first && first.length >= 4 && first.length % 4 === 0 ? '    ' : '  ';
}

/** Replaces a string literal's value, keeping its quotes; `value` must need no escaping (`v4`, digits). */
export function literalValueReplacement(literal: StringLiteral | NoSubstitutionTemplateLiteral, value: string): TextEdit {
  const quote = literal.getText().charAt(0);
  return { filePath: literal.getSourceFile().getFilePath(), start: literal.getStart(), end: literal.getEnd(), text: `${quote}${value}${quote}` };
}

/** Whether multi-line literals in the file end with a comma (the majority habit; yes when none). */
export function usesTrailingCommas(text: string): boolean {
  const withComma = text.match(/,[ \t]*\r?\n[ \t]*[}\]]/g)?.length ?? 0;
  const withoutComma = text.match(/[^,\s{[(][ \t]*\r?\n[ \t]*[}\]]/g)?.length ?? 0;
  return withComma >= withoutComma;
}

/**
 * Removes a whole statement. The range starts at the line break before it and ends where the
 * statement ends, so an insertion just after the statement (the helper import, which goes after
 * the last import) never overlaps it.
 */
export function statementRemoval(sourceFile: SourceFile, statement: Node): TextEdit {
  const text = sourceFile.getFullText();
  const start = statement.getStart();
  const end = statement.getEnd();
  const lineBreak = /\r?\n|$/.exec(text.slice(end))!;
  const lineEnd = end + lineBreak.index;
  const restOfLine = text.slice(end, lineEnd);
  const previousBreak = text.lastIndexOf('\n', start - 1);
  const startsLine = /^[ \t]*$/.test(text.slice(previousBreak + 1, start));
  // A trailing comment on the same line belongs to the removed statement.
  const removedEnd = /^[ \t]*\/\/.*$/.test(restOfLine) ? lineEnd : end;
  if (startsLine && previousBreak >= 0) {
    const breakStart = text[previousBreak - 1] === '\r' ? previousBreak - 1 : previousBreak;
    return { filePath: sourceFile.getFilePath(), start: breakStart, end: removedEnd, text: '' };
  }
  // The file's first line: its line break stays when something may be inserted right after it.
  return { filePath: sourceFile.getFilePath(), start, end: removedEnd, text: '' };
}

/** Removes one element of `{ a, b }` with its comma. */
export function listElementRemoval(sourceFile: SourceFile, element: Node): TextEdit {
  const text = sourceFile.getFullText();
  const after = /^\s*,[ \t]*/.exec(text.slice(element.getEnd()));
  if (after) return { filePath: sourceFile.getFilePath(), start: element.getStart(), end: element.getEnd() + after[0].length, text: '' };
  const before = /,\s*$/.exec(text.slice(0, element.getStart()))!;
  return { filePath: sourceFile.getFilePath(), start: element.getStart() - before[0].length, end: element.getEnd(), text: '' };
}
