// Reads how a file writes its imports (ESM or require, quotes, semicolons) so inserted imports
// look like the file's own.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile, Statement } from 'ts-morph';

export type ModuleStyle = 'esm' | 'cjs';

export interface CodeStyle {
  quote: "'" | '"';
  semicolon: boolean;
}

/** `x` when `node` is the call `require('x')`. */
export function requireCallSpecifier(node: Node | undefined): string | undefined {
  if (!node || !Node.isCallExpression(node) || node.getExpression().getText() !== 'require') return undefined;
  const argument = node.getArguments()[0];
  return argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
}

/** The argument of a top-level `require('x')`, `const a = require('x')` or `const { a } = require('x')`. */
export function requiredSpecifier(statement: Statement): string | undefined {
  if (!Node.isVariableStatement(statement)) return undefined;
  return requireCallSpecifier(statement.getDeclarations()[0]?.getInitializer());
}

function hasEsmSyntax(sourceFile: SourceFile): boolean {
  return sourceFile.getStatements().some(
    (statement) =>
      Node.isImportDeclaration(statement) ||
      Node.isExportDeclaration(statement) ||
      Node.isExportAssignment(statement) ||
      (Node.isModifierable(statement) && statement.hasModifier(SyntaxKind.ExportKeyword)),
  );
}

function hasRequireSyntax(sourceFile: SourceFile): boolean {
  return sourceFile.getStatements().some((statement) => requiredSpecifier(statement) !== undefined) ||
    /\bmodule\.exports\b|\bexports\.\w+\s*=/.test(sourceFile.getFullText());
}

/**
 * ESM or CommonJS, from the extension first, then the file's own syntax, then `fallback` (the
 * nearest package.json's "type", which the caller reads).
 */
export function detectModuleStyle(sourceFile: SourceFile, fallback: ModuleStyle): ModuleStyle {
  const path = sourceFile.getFilePath();
  if (/\.m[jt]s$/.test(path)) return 'esm';
  if (/\.cjs$/.test(path)) return 'cjs';
  if (hasEsmSyntax(sourceFile)) return 'esm';
  if (hasRequireSyntax(sourceFile)) return 'cjs';
  if (/\.cts$/.test(path)) return 'cjs';
  return fallback;
}

/** Top-level statements a semicolon may end; a function or class declaration (`}`) says nothing of the habit. */
const SEMICOLON_STATEMENTS = new Set([
  SyntaxKind.VariableStatement,
  SyntaxKind.ExpressionStatement,
  SyntaxKind.ImportDeclaration,
  SyntaxKind.ImportEqualsDeclaration,
  SyntaxKind.ExportDeclaration,
  SyntaxKind.ExportAssignment,
  SyntaxKind.TypeAliasDeclaration,
  SyntaxKind.ThrowStatement,
  SyntaxKind.DoStatement,
]);

/**
 * Quote and semicolon habits, read from the file's first module statement; without one, the
 * quote from its first statement (or first string) and the semicolon from its first statement
 * that a semicolon may end.
 */
export function detectCodeStyle(sourceFile: SourceFile): CodeStyle {
  const statements = sourceFile.getStatements();
  const moduleStatement = statements.find(
    (statement) => Node.isImportDeclaration(statement) || requiredSpecifier(statement) !== undefined,
  );
  const stringLiteral =
    (moduleStatement ?? statements[0])?.getFirstDescendantByKind(SyntaxKind.StringLiteral) ??
    sourceFile.getFirstDescendantByKind(SyntaxKind.StringLiteral);
  const quote = stringLiteral?.getText().startsWith('"') ? '"' : "'";
  const semicolonWitness = moduleStatement ?? statements.find((statement) => SEMICOLON_STATEMENTS.has(statement.getKind()));
  const semicolon = semicolonWitness ? semicolonWitness.getText().trimEnd().endsWith(';') : true;
  return { quote, semicolon };
}
