// Writes the replacement texts of the encoding fixes: RFC 3986 encoders, upper-case hex escapes,
// code-point comparators in place of `localeCompare` or case folding, and the sort a key list lacks.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { JoinOrigin } from './joined-array-origin';
import type { FunctionNode } from './query-building-shapes';
import { singleReturnedExpression } from './query-building-shapes';
import { calledMethodName } from './uri-encoder-calls';

/** What completes `encodeURIComponent` to RFC 3986: the MDN fix, upper-case hex as SigV4 requires. */
export const RFC3986_COMPLETION = ".replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())";

/** `encodeURIComponent(argument)` completed to RFC 3986. */
export function rfc3986EncodeText(argumentText: string): string {
  return `encodeURIComponent(${argumentText})${RFC3986_COMPLETION}`;
}

/** A callback that encodes its argument to RFC 3986, to pass where a built-in encoder was passed. */
export const RFC3986_ENCODER_CALLBACK = `(value) => encodeURIComponent(value)${RFC3986_COMPLETION}`;

/** The literal's source text with every percent escape in upper-case hex. */
export function withUpperCaseHexEscapes(raw: string): string {
  return raw.replace(/%[0-9a-fA-F]{2}/g, (escape) => escape.toUpperCase());
}

/**
 * `(a, b) => X.localeCompare(Y)` → the `localeCompare` call to replace and the code-point
 * comparison of X and Y to put there, when the body is exactly that call; else null.
 */
export function codePointComparison(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): { call: TSESTree.CallExpression; text: string } | null {
  const returned = singleReturnedExpression(fn);
  if (returned?.type !== AST_NODE_TYPES.CallExpression || calledMethodName(returned) !== 'localeCompare') return null;
  if (returned.arguments.length !== 1 || returned.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const left = sourceCode.getText(returned.callee.object);
  const right = sourceCode.getText(returned.arguments[0] as TSESTree.Node);
  return { call: returned, text: `(${left} < ${right} ? -1 : ${left} > ${right} ? 1 : 0)` };
}

/** What to append to `Object.keys|entries|getOwnPropertyNames(…)` to list its names in code-point order (names are unique). */
function codePointSortText(keyListMethod: string): string {
  return keyListMethod === 'entries' ? '.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))' : '.sort()';
}

const CASE_FOLDING_CALL = /\bto(?:Locale)?(?:Lower|Upper)Case\s*\(/g;

/**
 * `(a, b) => a.toLowerCase() < b.toLowerCase() ? …`: the returned expression to replace and the
 * code-point comparison of the two parameters, when both are plain names and every case folding
 * in the body folds one of them (so they are strings, not pairs); else null.
 */
export function caseFoldingComparatorFix(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): { node: TSESTree.Node; text: string } | null {
  const [left, right] = fn.params;
  const returned = singleReturnedExpression(fn);
  if (fn.params.length !== 2 || left?.type !== AST_NODE_TYPES.Identifier || right?.type !== AST_NODE_TYPES.Identifier || !returned) return null;
  const body = sourceCode.getText(returned);
  const foldings = body.match(CASE_FOLDING_CALL)?.length ?? 0;
  const ofParameters = body.match(new RegExp(`\\b(?:${left.name}|${right.name})\\s*\\.\\s*to(?:Locale)?(?:Lower|Upper)Case\\s*\\(`, 'g'))?.length ?? 0;
  if (foldings === 0 || foldings !== ofParameters) return null;
  const comparison = `${left.name} < ${right.name} ? -1 : ${left.name} > ${right.name} ? 1 : 0`;
  // An arrow's body needs parentheses no more than the conditional it replaces did.
  return { node: returned, text: isWrappedInParentheses(returned, sourceCode) ? comparison : `(${comparison})` };
}

function isWrappedInParentheses(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.getTokenBefore(node)?.value === '(' && sourceCode.getTokenAfter(node)?.value === ')';
}

/**
 * `for (const k in o)` → `for (const k of Object.keys(o).sort())`: the head from the end of the
 * loop variable to the end of the object, and its replacement. The loop then also skips inherited
 * keys, which a query object (a literal, parsed JSON) does not have.
 */
function sortedForInHead(loop: TSESTree.ForInStatement, sourceCode: Readonly<TSESLint.SourceCode>): TextReplacement {
  return { range: [loop.left.range[1], loop.right.range[1]], text: ` of Object.keys(${sourceCode.getText(loop.right)}).sort()` };
}

interface TextReplacement {
  range: [number, number];
  text: string;
}

/** The edit that sorts an unsorted key list where it is built (the key-list call or the `for…in` head), or null when neither is visible. */
export function keyListSortEdit(origin: Pick<JoinOrigin, 'keyList' | 'forIn'>, sourceCode: Readonly<TSESLint.SourceCode>): TextReplacement | null {
  const { keyList, forIn } = origin;
  if (forIn) return sortedForInHead(forIn, sourceCode);
  if (!keyList) return null;
  const end = keyList.call.range[1];
  // A chain written one call a line gets the sort on a line of its own.
  const lineBreak = /^(\s*\n[ \t]*)\./.exec(sourceCode.text.slice(end))?.[1] ?? '';
  return { range: [end, end], text: lineBreak + codePointSortText(keyList.method) };
}
