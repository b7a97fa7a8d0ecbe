// Reads the Content-Type an HTTP client instance carries by default: given where it is created
// (`axios.create({ headers: { 'Content-Type': … } })`) or set later (`api.defaults.headers.put['Content-Type'] = …`).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { variableOf } from '../values/syntax';
import type { ScopeOf } from './const-binding';
import { skipTypeWrappers } from './const-binding';
import { findObjectProperty, resolveObjectLiteral } from './object-literal';
import { getPropertyKeyName } from './static-value';

/** axios's per-method and shared header groups, which a default Content-Type may sit in. */
const HEADER_GROUPS = new Set(['common', 'put']);
const CLIENT_FACTORIES = new Set(['create', 'extend']);

/** The Content-Type value of a headers object (directly, or in its `common`/`put` group). */
function contentTypeIn(headers: TSESTree.Node, scopeOf: ScopeOf): TSESTree.Node | undefined {
  const object = resolveObjectLiteral(headers, scopeOf);
  for (const property of object?.properties ?? []) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = getPropertyKeyName(property)?.toLowerCase();
    if (name === 'content-type') return property.value;
    const grouped = name !== undefined && HEADER_GROUPS.has(name) ? contentTypeIn(property.value, scopeOf) : undefined;
    if (grouped) return grouped;
  }
  return undefined;
}

/** `axios.create({ headers })` (or got/ky's `extend`) a client variable holds: its headers' Content-Type. */
function createdWithContentType(init: TSESTree.Node | null | undefined, scopeOf: ScopeOf): TSESTree.Node | undefined {
  const call = init ? skipTypeWrappers(init) : undefined;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!CLIENT_FACTORIES.has(getPropertyKeyName(call.callee) ?? '')) return undefined;
  const [config] = call.arguments;
  const headers = config ? findObjectProperty(config, 'headers', scopeOf) : undefined;
  return headers?.kind === 'found' ? contentTypeIn(headers.value, scopeOf) : undefined;
}

/** The static names of a member chain from its root: `api.defaults.headers.put['Content-Type']` → defaults, headers, put, content-type. */
function memberNames(node: TSESTree.Node, root: TSESTree.Identifier): string[] | undefined {
  const names: string[] = [];
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyKeyName(current);
    if (name === undefined) return undefined;
    names.unshift(name.toLowerCase());
    current = current.object;
  }
  return current === root ? names : undefined;
}

/** `client.defaults.headers….Content-Type = value`, or `client.defaults.headers.put = { 'Content-Type': … }`. */
function assignedDefault(reference: TSESTree.Identifier, scopeOf: ScopeOf): TSESTree.Node | undefined {
  let left: TSESTree.Node = reference;
  while (left.parent?.type === AST_NODE_TYPES.MemberExpression && left.parent.object === left) left = left.parent;
  const assignment = left.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== left || assignment.operator !== '=') return undefined;
  const names = memberNames(left, reference);
  if (!names || names[0] !== 'defaults' || names[1] !== 'headers') return undefined;
  const rest = names.slice(2);
  if (rest[rest.length - 1] === 'content-type') return rest.slice(0, -1).every((name) => HEADER_GROUPS.has(name)) ? assignment.right : undefined;
  return rest.every((name) => HEADER_GROUPS.has(name)) ? contentTypeIn(assignment.right, scopeOf) : undefined;
}

/**
 * The Content-Type a client sends on every PUT without being told per request, when the source
 * shows one: in the config it was created with, or assigned to its defaults anywhere in the file.
 */
export function defaultContentType(client: TSESTree.Identifier, scopeOf: ScopeOf): TSESTree.Node | undefined {
  const variable = variableOf(client, scopeOf(client));
  if (!variable) return undefined;
  for (const definition of variable.defs) {
    const created = definition.node.type === AST_NODE_TYPES.VariableDeclarator ? createdWithContentType(definition.node.init, scopeOf) : undefined;
    if (created) return created;
  }
  for (const reference of variable.references) {
    const assigned = assignedDefault(reference.identifier as TSESTree.Identifier, scopeOf);
    if (assigned) return assigned;
  }
  return undefined;
}
