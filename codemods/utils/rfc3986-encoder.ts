// Swaps a built-in encoder (`encodeURIComponent`, `encodeURI`, `escape`) for one RFC 3986 encoder
// declared once per file, `encodeRfc3986`, so a query builder encodes as SigV4 does without the helper.
import type { SourceFile, Statement } from 'ts-morph';
import { Node } from 'ts-morph';
import type { TextEdit } from '../types';
import { RFC3986_COMPLETION } from '../../rules/utils/encoding-fix-texts';
import { requiredSpecifier } from './module-style';

export const RFC3986_ENCODER_NAME = 'encodeRfc3986';

function isTypeScript(sourceFile: SourceFile): boolean {
  return /\.[mc]?tsx?$/.test(sourceFile.getFilePath());
}

function declarationText(sourceFile: SourceFile): string {
  const parameter = isTypeScript(sourceFile) ? '(s: string): string' : '(s)';
  return `const ${RFC3986_ENCODER_NAME} = ${parameter} => encodeURIComponent(s)${RFC3986_COMPLETION};`;
}

/** True when the file already declares `encodeRfc3986` at its top level (an earlier run, or the author). */
function declaresEncoder(sourceFile: SourceFile): boolean {
  return !!(sourceFile.getFunction(RFC3986_ENCODER_NAME) ?? sourceFile.getVariableDeclaration(RFC3986_ENCODER_NAME));
}

function isPreamble(statement: Statement): boolean {
  const isDirective = Node.isExpressionStatement(statement) && Node.isStringLiteral(statement.getExpression());
  return isDirective || Node.isImportDeclaration(statement) || Node.isImportEqualsDeclaration(statement) || requiredSpecifier(statement) !== undefined;
}

/**
 * The declaration's insertion: before the file's first statement that is not an import, a require
 * or a directive, above that statement's own comments (a file's header comment stays first).
 */
function declarationEdit(sourceFile: SourceFile): TextEdit | undefined {
  const statements = sourceFile.getStatements();
  const index = statements.findIndex((statement) => !isPreamble(statement));
  const first = statements[index];
  if (!first) return undefined;
  const comments = index > 0 ? first.getLeadingCommentRanges() : [];
  const start = comments[0]?.getPos() ?? first.getStart(true);
  return { filePath: sourceFile.getFilePath(), start, end: start, text: `${declarationText(sourceFile)}\n\n` };
}

/** The built-in encoder `node` calls or is (`encodeURIComponent(x)` or a bare `encodeURIComponent`). */
function encoderIdentifier(node: Node): Node | undefined {
  const callee = Node.isCallExpression(node) ? node.getExpression() : node;
  return Node.isIdentifier(callee) ? callee : undefined;
}

/** Edits replacing the encoder at `node` with `encodeRfc3986`, declaring it when the file does not; undefined when `node` is not an encoder. */
export function rfc3986EncoderEdits(sourceFile: SourceFile, node: Node): TextEdit[] | undefined {
  const encoder = encoderIdentifier(node);
  if (!encoder) return undefined;
  const replacement: TextEdit = { filePath: sourceFile.getFilePath(), start: encoder.getStart(), end: encoder.getEnd(), text: RFC3986_ENCODER_NAME };
  if (declaresEncoder(sourceFile)) return [replacement];
  const declaration = declarationEdit(sourceFile);
  return declaration && declaration.start <= encoder.getStart() ? [declaration, replacement] : undefined;
}
