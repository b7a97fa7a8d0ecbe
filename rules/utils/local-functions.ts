// Finds the local functions code runs: the function a name is bound to, and those a call may call.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ScopeOf } from './const-binding';
import { findVariableOf, staticKeyName } from './const-binding';
import type { FunctionNode } from './query-building-shapes';
import { isFunctionNode, isOwnModuleReceiver } from './query-building-shapes';
import type { ValueTracker } from '../values';

/** Resolution hops (variable → value → function → …) followed from a slot; deeper is not this file's canonical request. */
export const MAX_FOLLOW_DEPTH = 6;

/** What helpers that follow local code read of a file: its text, scopes and visitor keys, and the functions it defines by name. */
export interface FileCode {
  sourceCode: Readonly<TSESLint.SourceCode>;
  functionsByName: ReadonlyMap<string, FunctionNode[]>;
  /** The file's value layer: parameters by their callers' arguments, `this.x` by every write. */
  values?: ValueTracker;
}

/** The function `function name() {}` or `const name = () => …` declares, for the variable `identifier` reads. */
export function functionBoundTo(identifier: TSESTree.Identifier, scopeOf: ScopeOf): FunctionNode | null {
  const definition = findVariableOf(identifier, scopeOf)?.defs[0];
  if (!definition) return null;
  if (isFunctionNode(definition.node)) return definition.node;
  if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && isFunctionNode(definition.node.init)) return definition.node.init;
  return null;
}

/** Local functions a call may run: by binding for plain calls, by property name for `this.x()`/`exports.x()`. */
export function calledLocalFunctions(
  call: TSESTree.CallExpression,
  functionsByName: ReadonlyMap<string, FunctionNode[]>,
  scopeOf: ScopeOf,
): FunctionNode[] {
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const fn = functionBoundTo(callee, scopeOf);
    return fn ? [fn] : [];
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && isOwnModuleReceiver(callee.object)) {
    const name = staticKeyName(callee.property, callee.computed);
    return name ? (functionsByName.get(name) ?? []) : [];
  }
  return [];
}
