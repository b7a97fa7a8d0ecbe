// Tells which order a sort comparator gives: locale collation, a case-folded order, or another one.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ScopeOf } from './const-binding';
import { staticKeyName } from './const-binding';
import { functionBoundTo } from './local-functions';
import type { FunctionNode } from './query-building-shapes';
import { isFunctionNode } from './query-building-shapes';
import type { ValueTracker } from '../values';

export type ComparatorOrder = 'locale' | 'caseInsensitive' | 'other';

/** The function a comparator argument is, written inline or bound to a local name; null when not visible. */
export function comparatorFunction(comparator: TSESTree.Node, scopeOf: ScopeOf, values?: ValueTracker): FunctionNode | null {
  if (isFunctionNode(comparator)) return comparator;
  const bound = comparator.type === AST_NODE_TYPES.Identifier ? functionBoundTo(comparator, scopeOf) : null;
  if (bound) return bound;
  // Aliases, `this.compare`, `compare.bind(…)`: whatever function the layer sees the name refer to.
  const target = values?.callee(comparator);
  return target?.kind === 'function' ? target.node : null;
}

/** How `comparator` (whose function is `fn`, when visible) orders strings. */
export function comparatorOrder(comparator: TSESTree.Node, fn: FunctionNode | null, sourceCode: Readonly<TSESLint.SourceCode>): ComparatorOrder {
  const text = sourceCode.getText(fn ? fn.body : comparator);
  if (/\blocaleCompare\s*\(|\bIntl\s*\.\s*Collator\b/.test(text) || isCollatorCompare(comparator, sourceCode)) return 'locale';
  return fn && /\bto(?:Locale)?(?:Lower|Upper)Case\s*\(/.test(text) ? 'caseInsensitive' : 'other';
}

/** `collator.compare` passed as the comparator. */
function isCollatorCompare(comparator: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return comparator.type === AST_NODE_TYPES.MemberExpression && staticKeyName(comparator.property, comparator.computed) === 'compare' && /Collator|collator/.test(sourceCode.getText(comparator.object));
}
