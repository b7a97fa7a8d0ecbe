// Expiries a single literal does not decide: presign params built in steps (`const params = { Bucket }; params.Expires = …`): the assignments
// that set their `Expires`, and the Math.min cap that keeps each within SigV4's 7 days whatever
// branch of the value runs (an env value, a 30-day fallback).
import { Node, SyntaxKind } from 'ts-morph';
import type { BinaryExpression, SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { referencesTo } from './bindings';
import { constantNumber } from './constant-number';
import { MAX_EXPIRY } from './expiry-lowering';

/** `name.Expires = value` written as a statement of its own. */
function isExpiryAssignment(node: Node, name: string): node is BinaryExpression {
  if (!Node.isBinaryExpression(node) || node.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return false;
  const target = node.getLeft();
  return Node.isPropertyAccessExpression(target) && target.getName() === 'Expires' && target.getExpression().getText() === name && Node.isExpressionStatement(node.getParent());
}

/** The assignment whose value holds `node` (the rule's report on a part of it), if it is `x.Expires = …`. */
export function enclosingExpiryAssignment(node: Node): BinaryExpression | undefined {
  const assignment = node.getFirstAncestor((ancestor) => Node.isBinaryExpression(ancestor) && ancestor.getOperatorToken().getKind() === SyntaxKind.EqualsToken);
  if (!assignment || !Node.isBinaryExpression(assignment) || node.getStart() < assignment.getRight().getStart()) return undefined;
  const target = assignment.getLeft();
  return Node.isPropertyAccessExpression(target) && Node.isIdentifier(target.getExpression()) && isExpiryAssignment(assignment, target.getExpression().getText())
    ? assignment
    : undefined;
}

/** `value` → `Math.min(value, 604800)`; undefined when the value is provably within 7 days already. */
export function expiryCapEdit(assignment: BinaryExpression): TextEdit | undefined {
  const value = assignment.getRight();
  const seconds = constantNumber(value);
  if (seconds !== undefined && seconds <= Number(MAX_EXPIRY)) return undefined;
  return { filePath: assignment.getSourceFile().getFilePath(), start: value.getStart(), end: value.getEnd(), text: `Math.min(${value.getText()}, ${MAX_EXPIRY})` };
}

/**
 * The `name.Expires = …` assignments of `name`, when nothing else can change its `Expires`: every
 * use of `name` is a property write of its own (`name.Key = …`) or an argument of `presign`.
 * Undefined when some other use (a call, a spread, `Object.assign`) might.
 */
export function expiryAssignmentsOf(sourceFile: SourceFile, name: string, presign: Node): BinaryExpression[] | undefined {
  const assignments: BinaryExpression[] = [];
  for (const reference of referencesTo(sourceFile, name)) {
    if (reference.getParent() === presign) continue;
    const access = reference.getParent();
    const assignment = access?.getParent();
    const isPropertyWrite = Node.isPropertyAccessExpression(access) && access.getExpression() === reference && Node.isBinaryExpression(assignment) &&
      assignment.getLeft() === access && assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
    if (!isPropertyWrite) return undefined;
    if (isExpiryAssignment(assignment, name)) assignments.push(assignment);
    else if (access.getName() === 'Expires') return undefined;
  }
  return assignments;
}

/**
 * `Expires: a || b || THIRTY_DAYS` reported at one branch: the whole property value capped with
 * Math.min (an env branch may be long too), keeping what each branch reads.
 */
export function cappedPropertyValue(reported: Node, name: string): TextEdit | undefined {
  const property = reported.getFirstAncestor((ancestor) => Node.isPropertyAssignment(ancestor) && ancestor.getName() === name);
  const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  if (!value || value === reported || reported.getStart() < value.getStart()) return undefined;
  return { filePath: value.getSourceFile().getFilePath(), start: value.getStart(), end: value.getEnd(), text: `Math.min(${value.getText()}, ${MAX_EXPIRY})` };
}
