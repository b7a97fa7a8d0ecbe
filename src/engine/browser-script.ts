// Files with no module system (issue 9 §3): a browser script with globals, an IIFE, or a UMD/AMD
// wrapper gets no inserted `import`/`require` (one would break it where it runs). A fix that needs
// the helper there is listed as manual work with the recipe instead.
import { Node, SyntaxKind } from 'ts-morph';
import type { Expression, SourceFile, Statement } from 'ts-morph';
import type { HelperExport } from '../../codemods/types';
import { detectModuleStyle } from '../../codemods/utils/module-style';
import type { ModuleStyle } from '../../codemods/utils/module-style';

/** `typeof define`, `typeof module`, `define(…)`: code written to run with or without a module system. */
const UNIVERSAL_WRAPPER = /\btypeof\s+(?:define|module|exports)\b|\bdefine\s*\(\s*(?:\[|function\b)|\bdefine\.amd\b/;

/** An ESLint `/* global … *\/` or `/* eslint-env browser *\/` comment: the author declares the page's globals. */
const BROWSER_GLOBALS_COMMENT = /\/\*\s*(?:globals?\s|eslint-env\s[^*]*\bbrowser\b)/;

/** `fn`, `(fn)`, `fn.call`/`fn.apply`: the function an IIFE's callee runs, when it is written in place. */
function isInlineFunction(callee: Expression): boolean {
  const inner = skipParentheses(callee);
  if (Node.isFunctionExpression(inner) || Node.isArrowFunction(inner)) return true;
  return Node.isPropertyAccessExpression(inner) && ['call', 'apply'].includes(inner.getName()) && isInlineFunction(inner.getExpression());
}

function skipParentheses(expression: Expression): Expression {
  return Node.isParenthesizedExpression(expression) ? skipParentheses(expression.getExpression()) : expression;
}

/** `(function () {…})()`, `(() => {…})()`, `!function () {…}()`, `(function () {…}).call(this)`. */
function isImmediatelyInvoked(statement: Statement): boolean {
  if (!Node.isExpressionStatement(statement)) return false;
  let expression = skipParentheses(statement.getExpression());
  if (Node.isPrefixUnaryExpression(expression)) expression = skipParentheses(expression.getOperand());
  else if (Node.isVoidExpression(expression)) expression = skipParentheses(expression.getExpression());
  return Node.isCallExpression(expression) && isInlineFunction(expression.getExpression());
}

/** A file whose top level is only IIFEs (and directives): what a page's <script> tag loads, not a module. */
function isWrappedInFunctions(sourceFile: SourceFile): boolean {
  const statements = sourceFile.getStatements().filter((statement) => statement.getKind() !== SyntaxKind.EmptyStatement);
  const code = statements.filter((statement) => !(Node.isExpressionStatement(statement) && Node.isStringLiteral(statement.getExpression())));
  return code.length > 0 && code.every(isImmediatelyInvoked);
}

/**
 * A UMD/AMD wrapper, or a plain `.js`/`.jsx` file with no import, export or require of its own that
 * is either outside a `"type": "module"` package (where Node would load it as ESM), or written as a
 * page script there too: its top level only IIFEs, or its page globals declared in a comment.
 */
export function isBrowserScript(sourceFile: SourceFile, packageStyle: ModuleStyle): boolean {
  if (!/\.jsx?$/.test(sourceFile.getFilePath())) return false;
  if (UNIVERSAL_WRAPPER.test(sourceFile.getFullText())) return true;
  // Without syntax of either kind the style falls back to the given value: both fallbacks agreeing means the syntax decided.
  const decided = detectModuleStyle(sourceFile, 'esm') === detectModuleStyle(sourceFile, 'cjs');
  if (decided) return false;
  return packageStyle === 'cjs' || isWrappedInFunctions(sourceFile) || BROWSER_GLOBALS_COMMENT.test(sourceFile.getFullText());
}

/** Thrown by the helper import of a browser script: the codemod's fix cannot be written there. */
export class BrowserScriptError extends Error {
  constructor(readonly helperExport: HelperExport) {
    super('no module system to import the helper with');
  }
}

export function browserScriptTodo(helperExport: HelperExport): string {
  return `This file has no import, require or export (a browser script), so it cannot import the helper's \`${helperExport}()\`.`;
}
