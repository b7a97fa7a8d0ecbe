// `signatureVersion: 'v4'` added to an S3 client built in another file, written exactly as the
// rule's own fix writes it: when that file's own finding adds it too, the two identical edits collapse.
import { Node, SyntaxKind } from 'ts-morph';
import type { NewExpression, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { constInitializer, referencesTo } from './bindings';
import { indentOf } from './code-layout';
import { innermostExpression } from './expressions';
import { optionsLiteralOf } from './sdk-v2-s3-client';

/** As the rule picks it: the first string in the client's construction, else the file's first string. */
function preferredQuote(sourceFile: SourceFile, construction: NewExpression): string {
  const string = construction.getFirstDescendantByKind(SyntaxKind.StringLiteral) ?? sourceFile.getFirstDescendantByKind(SyntaxKind.StringLiteral);
  return string?.getText().startsWith('"') ? '"' : "'";
}

/**
 * `const config = {…}; new AWS.S3(config)`: the literal, when this construction is the only reader of
 * the const (so the added option reaches this client and no other).
 */
function soleUseOptionsLiteral(sourceFile: SourceFile, construction: NewExpression): ObjectLiteralExpression | undefined {
  const options = construction.getArguments()[0];
  const name = options && innermostExpression(options);
  if (!name || !Node.isIdentifier(name)) return undefined;
  const initializer = constInitializer(sourceFile, name.getText());
  const literal = initializer && innermostExpression(initializer);
  if (!literal || !Node.isObjectLiteralExpression(literal)) return undefined;
  const readers = referencesTo(sourceFile, name.getText());
  return readers.length === 1 && readers[0] === name ? literal : undefined;
}

/** The edits that add the option, or undefined when the options are not a literal inside the call or in a const only it reads. */
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
  const literal = optionsLiteralOf(construction) ?? soleUseOptionsLiteral(sourceFile, construction);
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
