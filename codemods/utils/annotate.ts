// `--annotate`: the `// sigv4-migrate: <what to do>` comment written above a finding that needs
// manual work; written once, recognised on later runs.
import { Node } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { oneLine } from './quoted-code';

export const ANNOTATION_PREFIX = '// sigv4-migrate: ';

function lineStartOf(text: string, offset: number): number {
  const lastBreak = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
  return lastBreak + 1;
}

function startsItsLine(text: string, node: Node): boolean {
  const start = node.getStart();
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, start), start));
}

/** Inside these a `//` line would become text, not a comment. */
function isInsideTextLikeNode(node: Node): boolean {
  return [node, ...node.getAncestors()].some(
    (candidate) =>
      Node.isJsxElement(candidate) ||
      Node.isJsxFragment(candidate) ||
      Node.isJsxText(candidate) ||
      Node.isTemplateExpression(candidate) ||
      Node.isNoSubstitutionTemplateLiteral(candidate),
  );
}

/** The node above whose line the comment goes: the finding's own line where safe, else its statement. */
function annotationAnchor(text: string, node: Node): Node | undefined {
  for (let current: Node | undefined = node; current && !Node.isSourceFile(current); current = current.getParent()) {
    if (!startsItsLine(text, current)) continue;
    if (!isInsideTextLikeNode(current)) return current;
  }
  return undefined;
}

/** The insertion of the annotation above `node`, or undefined when it is already there or has no safe place. */
export function annotationEdit(sourceFile: SourceFile, node: Node, todo: string): TextEdit | undefined {
  const text = sourceFile.getFullText();
  const anchor = annotationAnchor(text, node);
  if (!anchor) return undefined;
  const lineStart = lineStartOf(text, anchor.getStart());
  const indent = text.slice(lineStart, anchor.getStart());
  // One line: the comment must not swallow code on the next line or close early.
  const comment = `${ANNOTATION_PREFIX}${oneLine(todo)}`;
  const previousLineEnd = lineStart - (text.slice(lineStart - 2, lineStart) === '\r\n' ? 2 : 1);
  const previousLine = lineStart > 0 ? text.slice(lineStartOf(text, previousLineEnd), previousLineEnd) : '';
  if (previousLine.trim() === comment) return undefined;
  return { filePath: sourceFile.getFilePath(), start: lineStart, end: lineStart, text: `${indent}${comment}\n` };
}
