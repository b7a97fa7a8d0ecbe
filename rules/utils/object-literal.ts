// Reads properties of object literals the way the runtime would: through `const` variables and
// `...spread` of other literals, last write winning, and says when a property cannot be known.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { resolveConstBinding, type ScopeOf, skipTypeWrappers, staticKeyName } from './const-binding';

/** What an object is known to hold under one key. */
export type PropertyLookup =
  | { readonly kind: 'found'; readonly property: TSESTree.Property; readonly value: TSESTree.Node }
  /** Every part of the object is visible and none sets the key. */
  | { readonly kind: 'absent' }
  /** A spread or computed key that only runtime knows could set it. */
  | { readonly kind: 'unknown' };

const ABSENT: PropertyLookup = { kind: 'absent' };
const UNKNOWN: PropertyLookup = { kind: 'unknown' };
// Spreads of spreads of aliases: deeper chains are unusual and resolving them is not worth the risk of cycles.
const MAX_DEPTH = 8;

/** The object literal an expression evaluates to (inline, or through a `const`), if visible. */
export function resolveObjectLiteral(node: TSESTree.Node, scopeOf: ScopeOf): TSESTree.ObjectExpression | undefined {
  return resolveObjectAtDepth(node, scopeOf, 0);
}

/** Looks `name` up in an object expression (or a `const` holding one), following spreads. */
export function findObjectProperty(node: TSESTree.Node, name: string, scopeOf: ScopeOf): PropertyLookup {
  return findAtDepth(node, name, scopeOf, 0);
}

/** Looks a nested key path up (`['s3', 'signatureVersion']`); absent as soon as one level is absent. */
export function findObjectPropertyPath(node: TSESTree.Node, path: readonly string[], scopeOf: ScopeOf): PropertyLookup {
  let lookup: PropertyLookup = { kind: 'unknown' };
  let current: TSESTree.Node = node;
  for (const name of path) {
    lookup = findAtDepth(current, name, scopeOf, 0);
    if (lookup.kind !== 'found') return lookup;
    current = lookup.value;
  }
  return lookup;
}

function resolveObjectAtDepth(
  node: TSESTree.Node,
  scopeOf: ScopeOf,
  depth: number,
): TSESTree.ObjectExpression | undefined {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return undefined;
  const binding = resolveConstBinding(expression, scopeOf);
  if (!binding) return undefined;
  if (binding.path.length === 0) return resolveObjectAtDepth(binding.value, scopeOf, depth + 1);
  const nested = findObjectPropertyPath(binding.value, binding.path, scopeOf);
  return nested.kind === 'found' ? resolveObjectAtDepth(nested.value, scopeOf, depth + 1) : undefined;
}

function findAtDepth(node: TSESTree.Node, name: string, scopeOf: ScopeOf, depth: number): PropertyLookup {
  const object = depth > MAX_DEPTH ? undefined : resolveObjectAtDepth(node, scopeOf, depth);
  if (!object) return UNKNOWN;
  // Later properties override earlier ones, so read from the end.
  for (let index = object.properties.length - 1; index >= 0; index -= 1) {
    const element = object.properties[index];
    if (!element) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      const spread = findAtDepth(element.argument, name, scopeOf, depth + 1);
      if (spread.kind !== 'absent') return spread;
      continue;
    }
    const key = staticKeyName(element.key, element.computed);
    if (key === undefined) return UNKNOWN;
    if (key === name) return { kind: 'found', property: element, value: element.value };
  }
  return ABSENT;
}
