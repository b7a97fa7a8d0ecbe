// Canonical headers written out of order as literal text: the `+=` lines that append one header each
// are put in SigV4's order, and a `;`-joined signed-headers literal is rewritten sorted.
import { Node, SyntaxKind } from 'ts-morph';
import type { ExpressionStatement, SourceFile, StringLiteral } from 'ts-morph';
import type { TextEdit } from '../types';
import { literalValueReplacement } from './code-layout';

/** SigV4's header order: by lower-cased name, in code-point order. */
function byLowerCasedName(a: string, b: string): number {
  const [left, right] = [a.toLowerCase(), b.toLowerCase()];
  return left < right ? -1 : left > right ? 1 : 0;
}

/** True for code that reading twice, or in another order, cannot change: literals, names, member reads, `+`. */
function readsOnly(node: Node): boolean {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isIdentifier(node)) return true;
  if (Node.isPropertyAccessExpression(node)) return readsOnly(node.getExpression());
  if (Node.isParenthesizedExpression(node)) return readsOnly(node.getExpression());
  if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.PlusToken) return readsOnly(node.getLeft()) && readsOnly(node.getRight());
  return false;
}

/** The left-most and right-most operands of a `+` chain. */
function chainEnds(node: Node): [Node, Node] {
  let [left, right] = [node, node];
  while (Node.isBinaryExpression(left) && left.getOperatorToken().getKind() === SyntaxKind.PlusToken) left = left.getLeft();
  while (Node.isBinaryExpression(right) && right.getOperatorToken().getKind() === SyntaxKind.PlusToken) right = right.getRight();
  return [left, right];
}

/** The header name of `target += 'name:' + value + '\n'`, written on lines of its own. */
function appendedHeaderName(statement: Node, target: string): string | undefined {
  if (!Node.isExpressionStatement(statement)) return undefined;
  const expression = statement.getExpression();
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.PlusEqualsToken) return undefined;
  if (expression.getLeft().getText() !== target || !readsOnly(expression.getRight())) return undefined;
  const [first, last] = chainEnds(expression.getRight());
  if (!Node.isStringLiteral(first) || !Node.isStringLiteral(last) || first === last || !last.getLiteralValue().endsWith('\n')) return undefined;
  return /^([A-Za-z0-9-]+):/.exec(first.getLiteralValue())?.[1];
}

/** The whole lines a statement sits on, its trailing comment and line break included. */
function lineRange(text: string, statement: Node): [number, number] {
  const start = text.lastIndexOf('\n', statement.getStart() - 1) + 1;
  const lineEnd = text.indexOf('\n', statement.getEnd());
  return [start, lineEnd === -1 ? text.length : lineEnd + 1];
}

/** The run of consecutive header-appending statements around `statement`, with their names. */
function appendedHeaderRun(statement: ExpressionStatement, target: string): { statement: Node; name: string }[] {
  const siblings = statement.getParentOrThrow().getChildSyntaxList()?.getChildren() ?? [];
  const index = siblings.indexOf(statement);
  let [first, last] = [index, index];
  while (first > 0 && appendedHeaderName(siblings[first - 1]!, target)) first -= 1;
  while (last < siblings.length - 1 && appendedHeaderName(siblings[last + 1]!, target)) last += 1;
  return siblings.slice(first, last + 1).map((sibling) => ({ statement: sibling, name: appendedHeaderName(sibling, target)! }));
}

type HeaderRun = { start: number; end: number; text: string; sorted: string };

/** The appended header lines around `statement` as one range, with their text in SigV4's order; undefined unless each stands on lines of its own. */
function headerRunAround(statement: ExpressionStatement, target: string): HeaderRun | undefined {
  const run = appendedHeaderRun(statement, target);
  const text = statement.getSourceFile().getFullText();
  const ranges = run.map((entry) => lineRange(text, entry.statement));
  const contiguous = ranges.every((range, index) => index === 0 || range[0] === ranges[index - 1]![1]);
  const ownLines = run.every((entry, index) => text.slice(ranges[index]![0], entry.statement.getStart()).trim() === '');
  if (!contiguous || !ownLines) return undefined;
  const sorted = run.map((entry, index) => ({ ...entry, lines: text.slice(...ranges[index]!) })).sort((a, b) => byLowerCasedName(a.name, b.name));
  const [start, end] = [ranges[0]![0], ranges[ranges.length - 1]![1]];
  return { start, end, text: text.slice(start, end), sorted: sorted.map((entry) => entry.lines).join('') };
}

/** The `target += …` statement holding `reported`, and its target's text. */
function appendingStatement(reported: Node): { statement: ExpressionStatement; target: string } | undefined {
  const statement = Node.isExpressionStatement(reported) ? reported : reported.getFirstAncestorByKind(SyntaxKind.ExpressionStatement);
  const expression = statement?.getExpression();
  if (!statement || !Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.PlusEqualsToken) return undefined;
  return { statement, target: expression.getLeft().getText() };
}

/** The run of header lines appended to the same target in the same block as `reported`, if it can be put in order. */
function siblingHeaderRun(reported: Node): HeaderRun | undefined {
  const appending = appendingStatement(reported);
  if (!appending) return undefined;
  const siblings = appending.statement.getParentOrThrow().getChildSyntaxList()?.getChildren() ?? [];
  const first = siblings.find((sibling): sibling is ExpressionStatement => appendedHeaderName(sibling, appending.target) !== undefined);
  return first && headerRunAround(first, appending.target);
}

/**
 * `canonical += 'x-amz-date:' + amzDate + '\n'; canonical += 'host:' + host + '\n';`: the lines
 * reordered by header name (each keeps its own comment). Only when each statement stands on lines
 * of its own and reads nothing that could run code, so the order of the reads does not matter.
 */
export function reorderedHeaderAppends(sourceFile: SourceFile, reported: Node): TextEdit | undefined {
  const appending = appendingStatement(reported);
  if (!appending || !appendedHeaderName(appending.statement, appending.target)) return undefined;
  const run = headerRunAround(appending.statement, appending.target);
  return run && run.sorted !== run.text ? { filePath: sourceFile.getFilePath(), start: run.start, end: run.end, text: run.sorted } : undefined;
}

/**
 * `'x-amz-date;host'` (the reported signed-headers list written as one literal) rewritten sorted,
 * when it is appended beside header lines that can be put in order too (else the two lists would
 * disagree, and both stay by-hand work).
 */
export function sortedSignedHeadersLiteral(reported: Node): TextEdit | undefined {
  if (!siblingHeaderRun(reported)) return undefined;
  const candidates = [reported, ...reported.getDescendants()].filter(
    (node): node is StringLiteral => Node.isStringLiteral(node) && /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+)+$/.test(node.getLiteralValue()),
  );
  if (candidates.length !== 1) return undefined;
  const names = candidates[0]!.getLiteralValue().split(';');
  const sorted = [...names].sort(byLowerCasedName).join(';');
  return sorted === names.join(';') ? undefined : literalValueReplacement(candidates[0]!, sorted);
}
