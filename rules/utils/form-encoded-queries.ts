// Matches the APIs that form-encode a query (URLSearchParams, node's `querystring.stringify`),
// however the value or the function reached the code.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ScopeOf } from './const-binding';
import { findVariableOf, staticKeyName } from './const-binding';
import { MAX_FOLLOW_DEPTH } from './local-functions';
import { resolveModuleMember } from './module-binding';
import { writtenValues } from './variable-writes';

const NODE_QUERYSTRING = new Set(['querystring', 'node:querystring']);

/** `new URLSearchParams(…)`, `url.searchParams`, or a local variable only ever given one of those. */
export function isUrlSearchParamsValue(node: TSESTree.Node, scopeOf: ScopeOf, depth = 0): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression) return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'URLSearchParams';
  if (node.type === AST_NODE_TYPES.MemberExpression) return staticKeyName(node.property, node.computed) === 'searchParams';
  if (node.type !== AST_NODE_TYPES.Identifier || depth > MAX_FOLLOW_DEPTH) return false;
  const variable = findVariableOf(node, scopeOf);
  if (variable?.defs[0]?.type === 'Parameter') return isAnnotatedUrlSearchParams(variable.defs[0].name);
  const writes = variable?.defs[0]?.type === 'Variable' ? writtenValues(variable) : [];
  return writes.length > 0 && writes.every((value) => isUrlSearchParamsValue(value, scopeOf, depth + 1));
}

/** A parameter declared `query: URLSearchParams`: whatever a caller passes is one. */
function isAnnotatedUrlSearchParams(name: TSESTree.Node): boolean {
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  const type = name.typeAnnotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'URLSearchParams';
}

/** `params.toString()` on a URLSearchParams: the query as a form-encoded string. */
export function isUrlSearchParamsToString(call: TSESTree.CallExpression, method: string | null, scopeOf: ScopeOf): call is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  return method === 'toString' && call.arguments.length === 0 && call.callee.type === AST_NODE_TYPES.MemberExpression && isUrlSearchParamsValue(call.callee.object, scopeOf);
}

/** `stringify` of node's `querystring`, however it was imported or required. */
export function isQuerystringStringify(call: TSESTree.CallExpression, scopeOf: ScopeOf): boolean {
  const member = resolveModuleMember(call.callee, scopeOf);
  if (!member || !NODE_QUERYSTRING.has(member.source)) return false;
  const path = member.path[0] === 'default' ? member.path.slice(1) : member.path;
  return path.length === 1 && path[0] === 'stringify';
}

/**
 * `stringify` of the npm `qs` package without a `sort` option (`qs.stringify(params)`): it encodes as
 * RFC 3986 but keeps the object's insertion order.
 */
export function isUnsortedQsStringify(call: TSESTree.CallExpression, scopeOf: ScopeOf): boolean {
  const member = resolveModuleMember(call.callee, scopeOf);
  if (member?.source !== 'qs') return false;
  const path = member.path[0] === 'default' ? member.path.slice(1) : member.path;
  if (path.length !== 1 || path[0] !== 'stringify') return false;
  const options = call.arguments[1];
  if (!options) return true;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return !options.properties.some((property) => property.type !== AST_NODE_TYPES.Property || staticKeyName(property.key, property.computed) === 'sort');
}
