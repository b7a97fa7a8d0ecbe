// Walks the code that builds one slot of a canonical request: every node under it (callbacks
// included), and on through the local variables it reads and the local functions it calls.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
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

/** One walk's state: the file, the visitor, and the roots already walked (by range). */
interface SlotBuilderWalk {
  code: FileCode;
  visitor: SlotBuilderVisitor;
  scopeOf: ScopeOf;
  walked: Set<string>;
}

/** A walk that visits each node once, however many slots or paths reach it. */
export function createSlotBuilderWalk(code: FileCode, visitor: SlotBuilderVisitor): (root: TSESTree.Node) => void {
  const walk: SlotBuilderWalk = { code, visitor, scopeOf: (node) => code.sourceCode.getScope(node), walked: new Set() };
  return (root) => walkFrom(walk, root, 0);
}

function walkFrom(walk: SlotBuilderWalk, root: TSESTree.Node, depth: number): void {
  const key = root.range.join(':');
  if (depth > MAX_FOLLOW_DEPTH || walk.walked.has(key)) return;
  walk.walked.add(key);
  const pending: TSESTree.Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    walk.visitor.visitNode(node);
    followNode(walk, node, depth);
    // What goes into a canonicalising helper (ours, vendored, or a library's) is its business.
    if (isCanonicalisingCall(walk, node)) continue;
    for (const child of childNodes(node, walk.code.sourceCode.visitorKeys)) pending.push(child);
  }
}

/** On from a node to what it reads elsewhere: the local functions it calls, the variable it names, the `this` field it reads. */
function followNode(walk: SlotBuilderWalk, node: TSESTree.Node, depth: number): void {
  const { code, scopeOf } = walk;
  if (node.type === AST_NODE_TYPES.CallExpression) for (const fn of calledLocalFunctions(node, code.functionsByName, scopeOf)) walkFrom(walk, fn.body, depth + 1);
  else if (node.type === AST_NODE_TYPES.Identifier && isValueReference(node)) followIdentifier(walk, node, depth);
  else if (node.type === AST_NODE_TYPES.MemberExpression) for (const value of code.values?.thisMemberWrites(node) ?? []) walkFrom(walk, value, depth + 1);
}

/** On to a function's body, or to every value written or pushed into a variable. */
function followIdentifier(walk: SlotBuilderWalk, identifier: TSESTree.Identifier, depth: number): void {
  const variable = findVariableOf(identifier, walk.scopeOf);
  const definition = variable?.defs[0];
  if (!variable || !definition) return;
  if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) {
    walkFrom(walk, definition.node.body, depth + 1);
    return;
  }
  if (definition.type === 'Parameter' && isFunctionNode(definition.node)) {
    followArguments(walk, definition.node, definition.name, depth);
    return;
  }
  if (definition.type === 'Variable') followVariable(walk, variable, depth);
}

/** On to every value written into a variable or pushed onto it, and to the comparator of each `.sort(…)` of it. */
function followVariable(walk: SlotBuilderWalk, variable: TSESLint.Scope.Variable, depth: number): void {
  for (const value of writtenValues(variable)) walkFrom(walk, value, depth + 1);
  for (const reference of variable.references) {
    const call = enclosingMethodCall(reference.identifier);
    const method = call ? calledMethodName(call) : null;
    if (call && (method === 'push' || method === 'unshift')) for (const argument of call.arguments) walkFrom(walk, argument, depth + 1);
    if (call && method === 'sort') walk.visitor.visitSortComparator(call.arguments[0]);
  }
}

/** On to what every call in the file passes for a parameter (a query built by the caller). */
function followArguments(walk: SlotBuilderWalk, fn: FunctionNode, name: TSESTree.Node, depth: number): void {
  const index = fn.params.findIndex((param) => param === name);
  const { values } = walk.code;
  if (index < 0 || !values) return;
  for (const call of values.callSites(fn).calls) {
    const argument = call.arguments[index];
    if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) walkFrom(walk, argument, depth + 1);
  }
}

/** A call to a function defined elsewhere whose name says it builds the canonical query. */
function isCanonicalisingCall(walk: SlotBuilderWalk, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const { callee } = node;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee.property, callee.computed) : null;
  return !!name && CANONICALISING_CALLEE.test(name) && calledLocalFunctions(node, walk.code.functionsByName, walk.scopeOf).length === 0;
}
