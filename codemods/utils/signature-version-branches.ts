// `signatureVersion: service === 'ses' ? 'v3' : 'v4'`: a choice between literal signature versions
// whose only legacy branches AWS rejects becomes `'v4'` for every branch.
import { Node, SyntaxKind } from 'ts-morph';
import type { CodemodOutcome } from '../types';
import { innermostExpression, isStringLike } from './expressions';
import { leavesUnremovableConstUnused, removalsOfBindingsOnlyReadIn } from './unused-after-edit';

const KNOWN_VERSIONS = new Set(['v2', 'v3', 'v3https', 's3', 'v4']);

const PURE_OPERATORS = new Set([
  SyntaxKind.EqualsEqualsEqualsToken,
  SyntaxKind.ExclamationEqualsEqualsToken,
  SyntaxKind.EqualsEqualsToken,
  SyntaxKind.ExclamationEqualsToken,
  SyntaxKind.AmpersandAmpersandToken,
  SyntaxKind.BarBarToken,
]);

/** True for a condition that runs no code when dropped: names, member reads, literals, comparisons, `!`. */
function isPureCondition(node: Node): boolean {
  const inner = innermostExpression(node);
  if (Node.isIdentifier(inner) || isStringLike(inner) || Node.isNumericLiteral(inner)) return true;
  if (Node.isPropertyAccessExpression(inner)) return isPureCondition(inner.getExpression());
  if (Node.isPrefixUnaryExpression(inner)) return inner.getOperatorToken() === SyntaxKind.ExclamationToken && isPureCondition(inner.getOperand());
  if (Node.isBinaryExpression(inner)) return PURE_OPERATORS.has(inner.getOperatorToken().getKind()) && isPureCondition(inner.getLeft()) && isPureCondition(inner.getRight());
  return false;
}

/** The literal versions a (nested) conditional chooses between; undefined when a branch is not a literal version. */
function branchVersions(node: Node): string[] | undefined {
  const inner = innermostExpression(node);
  if (isStringLike(inner)) return KNOWN_VERSIONS.has(inner.getLiteralValue()) ? [inner.getLiteralValue()] : undefined;
  if (!Node.isConditionalExpression(inner) || !isPureCondition(inner.getCondition())) return undefined;
  const [whenTrue, whenFalse] = [branchVersions(inner.getWhenTrue()), branchVersions(inner.getWhenFalse())];
  return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : undefined;
}

/** The reported `signatureVersion: cond ? 'v3' : 'v4'` rewritten to `signatureVersion: 'v4'`; undefined for other shapes. */
export function conditionalSignatureVersionFix(reported: Node): CodemodOutcome | undefined {
  const property = [reported, ...reported.getAncestors()].find(Node.isPropertyAssignment);
  const value = property?.getName() === 'signatureVersion' ? property.getInitializer() : undefined;
  if (!value || !Node.isConditionalExpression(innermostExpression(value)) || !branchVersions(value)) return undefined;
  // A condition read from a `const` that cannot be removed would be left unused: the user decides.
  if (leavesUnremovableConstUnused(value)) return undefined;
  const quote = value.getFirstDescendant((node) => isStringLike(node) && KNOWN_VERSIONS.has(node.getLiteralValue()))?.getText().charAt(0) ?? "'";
  return {
    kind: 'fixed',
    edits: [
      { filePath: value.getSourceFile().getFilePath(), start: value.getStart(), end: value.getEnd(), text: `${quote}v4${quote}` },
      ...removalsOfBindingsOnlyReadIn(value),
    ],
    note: "sets signatureVersion to 'v4' in every branch of the choice",
  };
}
