// Checks canonical header lists the way SigV4 hashes them: every name lower-cased, sorted by code point.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariableOf, staticKeyName } from './const-binding';
import type { JoinOrigin } from './joined-array-origin';
import { isCodePointSorted, literalHeaderNames } from './query-parameter-order';
import type { StringPart } from './string-parts';
import { flattenStringParts } from './string-parts';
import { onlyWrittenValue } from './variable-writes';

/** A problem with a header list, as the rule's message id and the data its message shows. */
export interface HeaderFinding {
  messageId: 'headerNamesNotLowercased' | 'unsortedCanonicalHeaders';
  data: Record<string, string>;
  /** Where the defect is, when not at the list being checked (the `.sort()` run before lower-casing). */
  node?: TSESTree.Node;
  fix?: TSESLint.ReportFixFunction;
}

/** Header lines (`\n`) or a signed-header list (`;`) written as text: names not lower-cased, or not sorted. */
export function literalHeaderFindings(parts: readonly StringPart[], separator: '\n' | ';', sorted = false): HeaderFinding[] {
  const names = literalHeaderNames(parts, separator);
  if (!names) return [];
  const findings: HeaderFinding[] = [];
  const notLowerCased = names.filter((name) => name !== name.toLowerCase());
  if (notLowerCased.length > 0) findings.push({ messageId: 'headerNamesNotLowercased', data: { names: notLowerCased.join(', ') } });
  if (!sorted && !isCodePointSorted(names.map((name) => name.toLowerCase()))) {
    findings.push({ messageId: 'unsortedCanonicalHeaders', data: { how: `written in the order ${names.join(', ')}` } });
  }
  return findings;
}

/** A header list joined from an array: keys joined unsorted, literal lines out of order, or upper-case keys never lower-cased. */
export function joinedHeaderFindings(
  call: TSESTree.CallExpression,
  origin: JoinOrigin,
  separator: '\n' | ';',
  sourceCode: Readonly<TSESLint.SourceCode>,
): HeaderFinding[] {
  const findings: HeaderFinding[] = [];
  if (origin.kind === 'objectKeys' && !origin.sorted) {
    findings.push({ messageId: 'unsortedCanonicalHeaders', data: { how: `joined from ${origin.source} without sorting` } });
  }
  if (origin.kind === 'literalArray') {
    const parts = origin.elements.flatMap((element, index) => [
      ...(index > 0 ? [{ kind: 'text', text: separator } as const] : []),
      ...(flattenStringParts(element) ?? [{ kind: 'dynamic', node: element } as const]),
    ]);
    findings.push(...literalHeaderFindings(parts, separator, origin.sorted));
  }
  if (origin.sortedBeforeLowerCase && !(origin.keysOf && hasOnlyLowerCaseKeys(origin.keysOf, sourceCode))) {
    findings.push(sortBeforeLowerCaseFinding(origin.sortedBeforeLowerCase, sourceCode));
  }
  if (origin.kind === 'objectKeys' && origin.keysOf && !origin.lowerCased && !/\bto(?:Locale)?LowerCase\b/.test(sourceCode.getText(call))) {
    const names = upperCaseKeysOf(origin.keysOf, sourceCode);
    if (names.length > 0) findings.push({ messageId: 'headerNamesNotLowercased', data: { names: names.join(', ') } });
  }
  return findings;
}

/** Static keys with upper-case letters of the object literal `node` is (or a `const` holds). */
function upperCaseKeysOf(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  let value: TSESTree.Node | undefined = node;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariableOf(value, (scoped) => sourceCode.getScope(scoped));
    value = variable ? onlyWrittenValue(variable) : undefined;
  }
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return value.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const name = staticKeyName(property.key, property.computed);
    return name && /[A-Z]/.test(name) ? [name] : [];
  });
}

/**
 * Whether every key of the object is known to be lower-case: an object literal (or a variable only
 * ever given one) of static lower-case keys, to which the file adds only static lower-case keys.
 */
function hasOnlyLowerCaseKeys(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableOf(node, (scoped) => sourceCode.getScope(scoped));
  const value = variable ? onlyWrittenValue(variable) : undefined;
  if (!variable || value?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const isLowerCaseKey = (name: string | undefined): boolean => name !== undefined && name === name.toLowerCase();
  const literalKeys = value.properties.every((property) => property.type === AST_NODE_TYPES.Property && isLowerCaseKey(staticKeyName(property.key, property.computed)));
  return literalKeys && variable.references.every((reference) => {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return true;
    const assigned = member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member;
    return !assigned || isLowerCaseKey(staticKeyName(member.property, member.computed));
  });
}

/** Sorts by the lower-cased name in code-point order, as SigV4 lists canonical headers. */
const LOWER_CASED_CODE_POINT_ORDER = '(a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)';

/**
 * `names.sort().map(lowerCase)`: upper-case letters sort before lower-case ones, so `Host` lands
 * before `content-type`. Lower-casing first gives the same names in SigV4's order, whatever they are;
 * for lines built from the names, the sort compares the lower-cased names instead.
 */
function sortBeforeLowerCaseFinding(
  { sort, map, mapsTo }: NonNullable<JoinOrigin['sortedBeforeLowerCase']>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): HeaderFinding {
  const finding: HeaderFinding = { messageId: 'unsortedCanonicalHeaders', data: { how: 'sorted before their names are lower-cased' }, node: sort };
  if (mapsTo === 'line') {
    const closing = sourceCode.getLastToken(sort);
    const plain = sort.arguments.length === 0 && closing?.value === ')';
    return plain ? { ...finding, fix: (fixer) => fixer.insertTextBefore(closing, LOWER_CASED_CODE_POINT_ORDER) } : finding;
  }
  const sorted = sort.callee.type === AST_NODE_TYPES.MemberExpression ? sort.callee.object : undefined;
  // Only the direct chain `x.sort(…).map(f)` is rewritten, and never across a comment.
  if (!sorted || map.callee.type !== AST_NODE_TYPES.MemberExpression || map.callee.object !== sort || sourceCode.getCommentsInside(map).length > 0) return finding;
  const sortText = sourceCode.getText(sort).slice(sourceCode.getText(sorted).length);
  const mapText = sourceCode.getText(map).slice(sourceCode.getText(sort).length);
  return { ...finding, fix: (fixer) => fixer.replaceText(map, `${sourceCode.getText(sorted)}${mapText}${sortText}`) };
}
