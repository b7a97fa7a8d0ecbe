// Small syntax questions the value layer asks everywhere: type wrappers, property names, functions,
// the variable an identifier names, and whether one node runs only sometimes relative to another.
import { findVariable } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;

/** Strips `x as T`, `x satisfies T`, `x!`, `<T>x` and `a?.b` wrappers, which do not change the value. */
export function skipWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** Key name of a non-computed or literal-keyed property or member; undefined when only run time knows it. */
export function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier)) {
    return key.name;
  }
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function memberName(member: TSESTree.MemberExpression): string | undefined {
  return keyName(member.property, member.computed);
}

/** The variable an identifier refers to (null for an undeclared global), by eslint-utils' scope walk. */
export function variableOf(identifier: TSESTree.Identifier, scope: Scope): Variable | null {
  // eslint-utils is typed against ESLint's own scope types, which TSESLint's mirror structurally.
  return findVariable(scope as never, identifier as never) as unknown as Variable | null;
}

/** Nodes that make what is under them run only sometimes. */
const CONDITIONAL_TYPES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.TryStatement,
  AST_NODE_TYPES.CatchClause,
]);

/** True when `node` may not run every time `container` does: a branch, loop, try or another function between them. */
export function runsConditionallyWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== container; current = current.parent) {
    if (CONDITIONAL_TYPES.has(current.type) || isFunctionNode(current)) return true;
  }
  return false;
}

/** The nearest function or program around a node. */
export function enclosingFunctionOrProgram(node: TSESTree.Node): FunctionNode | TSESTree.Program {
  let current = node.parent;
  while (current && !isFunctionNode(current) && current.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current as FunctionNode | TSESTree.Program;
}

/** A scope definition's kind ('Variable', 'Parameter', 'FunctionName', …) by eslint-scope's names; its enum lives in a package rules do not load. */
export function definitionKind(definition: { readonly type: unknown }): string {
  return String(definition.type);
}
