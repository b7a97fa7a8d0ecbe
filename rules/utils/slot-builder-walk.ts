// Walks the code that builds one slot of a canonical request: every node under it (callbacks
// included), and on through the local variables it reads and the local functions it calls.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ScopeOf } from './const-binding';
import { findVariableOf, staticKeyName } from './const-binding';
import type { FileCode } from './local-functions';
import { MAX_FOLLOW_DEPTH, calledLocalFunctions } from './local-functions';
import { childNodes } from './node-children';
import { type FunctionNode, isFunctionNode, isValueReference } from './query-building-shapes';
import { calledMethodName, enclosingMethodCall } from './uri-encoder-calls';
import { writtenValues } from './variable-writes';

/** A call whose name says it builds the canonical query. */
const CANONICALISING_CALLEE = /canonical_?query/i;

export interface SlotBuilderVisitor {
  /** Every node reached, before the walk follows it into variables and functions. */
  visitNode(node: TSESTree.Node): void;
  /** The comparator of a `.sort(…)` applied elsewhere to an array the walk followed. */
  visitSortComparator(comparator: TSESTree.Node | undefined): void;
}

/** A walk that visits each node once, however many slots or paths reach it. */
export function createSlotBuilderWalk(code: FileCode, visitor: SlotBuilderVisitor): (root: TSESTree.Node) => void {
  const { sourceCode, functionsByName } = code;
  const scopeOf: ScopeOf = (node) => sourceCode.getScope(node);
  const walked = new Set<string>();

  function walk(root: TSESTree.Node, depth: number): void {
    const key = root.range.join(':');
    if (depth > MAX_FOLLOW_DEPTH || walked.has(key)) return;
    walked.add(key);
    const pending: TSESTree.Node[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      visitor.visitNode(node);
      if (node.type === AST_NODE_TYPES.CallExpression) for (const fn of calledLocalFunctions(node, functionsByName, scopeOf)) walk(fn.body, depth + 1);
      else if (node.type === AST_NODE_TYPES.Identifier && isValueReference(node)) followIdentifier(node, depth);
      else if (node.type === AST_NODE_TYPES.MemberExpression) for (const value of code.values?.thisMemberWrites(node) ?? []) walk(value, depth + 1);
      // What goes into a canonicalising helper (ours, vendored, or a library's) is its business.
      if (isCanonicalisingCall(node)) continue;
      for (const child of childNodes(node, sourceCode.visitorKeys)) pending.push(child);
    }
  }

  /** On to a function's body, or to every value written or pushed into a variable. */
  function followIdentifier(identifier: TSESTree.Identifier, depth: number): void {
    const variable = findVariableOf(identifier, scopeOf);
    const definition = variable?.defs[0];
    if (!variable || !definition) return;
    if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) {
      walk(definition.node.body, depth + 1);
      return;
    }
    if (definition.type === 'Parameter' && isFunctionNode(definition.node)) {
      followArguments(definition.node, definition.name, depth);
      return;
    }
    if (definition.type !== 'Variable') return;
    for (const value of writtenValues(variable)) walk(value, depth + 1);
    for (const reference of variable.references) {
      const call = enclosingMethodCall(reference.identifier);
      const method = call ? calledMethodName(call) : null;
      if (call && (method === 'push' || method === 'unshift')) for (const argument of call.arguments) walk(argument, depth + 1);
      if (call && method === 'sort') visitor.visitSortComparator(call.arguments[0]);
    }
  }

  /** On to what every call in the file passes for a parameter (a query built by the caller). */
  function followArguments(fn: FunctionNode, name: TSESTree.Node, depth: number): void {
    const index = fn.params.findIndex((param) => param === name);
    if (index < 0 || !code.values) return;
    for (const call of code.values.callSites(fn).calls) {
      const argument = call.arguments[index];
      if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) walk(argument, depth + 1);
    }
  }

  /** A call to a function defined elsewhere whose name says it builds the canonical query. */
  function isCanonicalisingCall(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const { callee } = node;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee.property, callee.computed) : null;
    return !!name && CANONICALISING_CALLEE.test(name) && calledLocalFunctions(node, functionsByName, scopeOf).length === 0;
  }

  return (root) => walk(root, 0);
}
