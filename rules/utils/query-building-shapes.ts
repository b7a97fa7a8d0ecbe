// Matches the shapes query- and header-building code takes: functions, key lists, loops, escapers.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticKeyName } from './const-binding';
import { isConcatenation, isStringExpression } from './string-parts';
import { calledMethodName } from './uri-encoder-calls';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const OBJECT_KEY_LISTS = new Set(['keys', 'entries', 'getOwnPropertyNames']);
/** Names a CommonJS module or a method body uses for the object its own functions hang off. */
const OWN_RECEIVERS = new Set(['self', 'that', 'exports']);

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** `Object.keys|entries|getOwnPropertyNames(x)`: the method and `x`. */
export function objectKeyListCall(call: TSESTree.CallExpression): { method: string; argument: TSESTree.Node } | null {
  const { callee } = call;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== 'Object') return null;
  const method = calledMethodName(call);
  const [argument] = call.arguments;
  return method && OBJECT_KEY_LISTS.has(method) && argument ? { method, argument } : null;
}

/** The nearest loop (`for…of`, `for…in`, or the receiver of `.forEach`) a push runs in, inside its function. */
export function enclosingLoop(node: TSESTree.Node): TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ForOfStatement || current.type === AST_NODE_TYPES.ForInStatement) return current;
    if (isFunctionNode(current)) {
      const call = current.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === current && calledMethodName(call) === 'forEach' && call.callee.type === AST_NODE_TYPES.MemberExpression) {
        return call.callee.object;
      }
      return null;
    }
  }
  return null;
}

export function isIdentifierNamed(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** `this`, `self`, `exports`, `module.exports`: receivers whose methods this file defines by name. */
export function isOwnModuleReceiver(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ThisExpression) return true;
  if (node.type === AST_NODE_TYPES.Identifier) return OWN_RECEIVERS.has(node.name);
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    staticKeyName(node.property, node.computed) === 'exports'
  );
}

/** True for an identifier read as a value (not a property name, key, or declaration). */
export function isValueReference(identifier: TSESTree.Identifier): boolean {
  const { parent } = identifier;
  if (parent.type === AST_NODE_TYPES.MemberExpression) return parent.object === identifier || parent.computed;
  if (parent.type === AST_NODE_TYPES.Property) return parent.value === identifier;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === identifier;
  if (isFunctionNode(parent)) return false;
  return parent.type !== AST_NODE_TYPES.MethodDefinition && parent.type !== AST_NODE_TYPES.ImportSpecifier;
}

export function isInsideStringExpression(node: TSESTree.Node): boolean {
  const { parent } = node;
  if (!parent) return false;
  if (isConcatenation(parent)) return isStringExpression(parent);
  return parent.type === AST_NODE_TYPES.TemplateLiteral;
}

/** A literal passed to `.replace`/`.replaceAll` as the replacement text. */
export function isReplacementArgument(node: TSESTree.Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== node) return false;
  const method = calledMethodName(call);
  return method === 'replace' || method === 'replaceAll';
}

/** True when `node` runs inside the callback of a `.replace`/`.replaceAll` call: a hand-written escaper. */
export function isInsideReplacementCallback(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return isReplacementArgument(current);
  }
  return false;
}

/** `url.search.slice(1)` and friends: the query exactly as the URL holds it. */
export function isRawUrlQuery(call: TSESTree.CallExpression, method: string | null): boolean {
  if (!method || !['slice', 'substring', 'substr', 'replace'].includes(method)) return false;
  const { callee } = call;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.MemberExpression) return false;
  return staticKeyName(callee.object.property, callee.object.computed) === 'search';
}

/** `url.parse(u).query` (without `parseQueryString`): the raw query string of a legacy URL object. */
export function isLegacyUrlQuery(member: TSESTree.MemberExpression): boolean {
  return staticKeyName(member.property, member.computed) === 'query' && isLegacyUrlParse(member.object);
}

/** `url.parse(u)` (without `parseQueryString`): a legacy URL object whose `query` is the raw query string. */
export function isLegacyUrlParse(parse: TSESTree.Node): boolean {
  if (parse.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = parse.callee;
  const isUrlParse =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    staticKeyName(callee.property, callee.computed) === 'parse' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    /^url$/i.test(callee.object.name);
  return isUrlParse && parse.arguments.length === 1;
}

export function singleReturnedExpression(fn: FunctionNode): TSESTree.Node | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const [statement] = fn.body.body;
  return fn.body.body.length === 1 && statement?.type === AST_NODE_TYPES.ReturnStatement ? (statement.argument ?? null) : null;
}
