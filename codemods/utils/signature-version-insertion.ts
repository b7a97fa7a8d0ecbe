// `signatureVersion: 'v4'` added to an S3 client built in another file, written exactly as the
// rule's own fix writes it: when that file's own finding adds it too, the two identical edits collapse.
import { SyntaxKind } from 'ts-morph';
import type { NewExpression, SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { indentOf } from './code-layout';
import { optionsLiteralOf } from './sdk-v2-s3-client';

/** As the rule picks it: the first string in the client's construction, else the file's first string. */
function preferredQuote(sourceFile: SourceFile, construction: NewExpression): string {
  const string = construction.getFirstDescendantByKind(SyntaxKind.StringLiteral) ?? sourceFile.getFirstDescendantByKind(SyntaxKind.StringLiteral);
  return string?.getText().startsWith('"') ? '"' : "'";
}

/** The edits that add the option, or undefined when the options are not a literal inside the call. */
export function signatureVersionEdits(sourceFile: SourceFile, construction: NewExpression): TextEdit[] | undefined {
  const filePath = sourceFile.getFilePath();
  const text = sourceFile.getFullText();
  const quote = preferredQuote(sourceFile, construction);
  const property = `signatureVersion: ${quote}v4${quote}`;
  if (construction.getArguments().length === 0) {
    const closing = construction.getLastChildByKind(SyntaxKind.CloseParenToken);
    return closing
      ? [{ filePath, start: closing.getStart(), end: closing.getStart(), text: `{ ${property} }` }]
      : [{ filePath, start: construction.getEnd(), end: construction.getEnd(), text: `({ ${property} })` }];
  }
  const literal = optionsLiteralOf(construction);
  if (!literal) return undefined;
  const last = literal.getProperties().at(-1);
  if (!last) return [{ filePath, start: literal.getStart(), end: literal.getEnd(), text: `{ ${property} }` }];
  const afterLast = last.getNextSibling();
  const trailingComma = afterLast?.getKind() === SyntaxKind.CommaToken ? afterLast : undefined;
  if (literal.getStartLineNumber() === literal.getEndLineNumber()) {
    return trailingComma
      ? [{ filePath, start: trailingComma.getEnd(), end: trailingComma.getEnd(), text: ` ${property},` }]
      : [{ filePath, start: last.getEnd(), end: last.getEnd(), text: `, ${property}` }];
  }
  const indent = indentOf(text, last.getStart());
  const anchorEnd = (trailingComma ?? last).getEnd();
  const sameLineComments = /^(?:[ \t]*(?:\/\/[^\r\n]*|\/\*(?:(?!\*\/)[^\r\n])*\*\/))*/.exec(text.slice(anchorEnd))?.[0] ?? '';
  const commentsEnd = anchorEnd + sameLineComments.trimEnd().length;
  const lineEnd = sameLineComments.trim() ? commentsEnd : anchorEnd;
  const newLine = `\n${indent}${property}${trailingComma ? ',' : ''}`;
  if (trailingComma) return [{ filePath, start: lineEnd, end: lineEnd, text: newLine }];
  // ESLint merges the rule's two fixes (the comma, the new line) into one edit over the text between.
  return [{ filePath, start: last.getEnd(), end: lineEnd, text: `,${text.slice(last.getEnd(), lineEnd)}${newLine}` }];
}
