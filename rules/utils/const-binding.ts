// Follows an identifier to the one value ever written to it, so a config or a limit kept in a
// `const` (or a `let`/`var` written once) is seen the same as one written inline.
import { getPropertyName } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { definitionKind, variableOf } from '../values/syntax';

/** Returns the scope a node is in; rules pass `(node) => context.sourceCode.getScope(node)`. */
export type ScopeOf = (node: TSESTree.Node) => TSESLint.Scope.Scope;

/** A value an identifier was bound to, and the destructuring keys that lead from it to the identifier. */
export interface ConstBinding {
  readonly value: TSESTree.Expression;
  /** `const { a: { b } } = value` binds `b` at path `['a', 'b']`; a plain `const b = value` at `[]`. */
  readonly path: readonly string[];
}

type TypeWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSTypeAssertion;

/** True for a TypeScript-only wrapper (`x as T`, `x satisfies T`, `x!`, `<T>x`) that does not change the value. */
export function isTypeWrapper(node: TSESTree.Node): node is TypeWrapper {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

/** Strips the TypeScript-only wrappers around a value. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current)) current = current.expression;
  return current;
}

/** The variable an identifier refers to, or null for an undeclared global. */
export function findVariableOf(identifier: TSESTree.Identifier, scopeOf: ScopeOf): TSESLint.Scope.Variable | null {
  return variableOf(identifier, scopeOf(identifier));
}

/** True when the identifier names no declared variable (a global such as a browser's `AWS` or `require`). */
export function isUndeclaredGlobal(identifier: TSESTree.Identifier, scopeOf: ScopeOf): boolean {
  const variable = findVariableOf(identifier, scopeOf);
  return variable === null || variable.defs.length === 0;
}

/** Key name of a non-computed or string-literal-keyed property; undefined when only runtime knows it. */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  return undefined;
}

/** Name of `object.name` or `object['name']`, undefined for a computed member only runtime knows. */
export function staticMemberName(member: TSESTree.MemberExpression): string | undefined {
  // eslint-utils is typed against ESTree, which TSESTree mirrors structurally.
  return getPropertyName(member as never) ?? undefined;
}

/**
 * The value a variable declaration binds the identifier to, when it is written exactly once:
 * `const x = v`, `let x = v` never reassigned, or `let x; x = v`. Loop variables and parameters
 * have no single known value and resolve to undefined.
 */
export function resolveConstBinding(identifier: TSESTree.Identifier, scopeOf: ScopeOf): ConstBinding | undefined {
  const variable = findVariableOf(identifier, scopeOf);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition === undefined || definitionKind(definition) !== 'Variable') return undefined;
  const declaration = definition.parent;
  if (isLoopHead(declaration)) return undefined;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1) return undefined;
  const declarator = definition.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || definition.name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const path = destructuringPath(definition.name, declarator);
  if (!path) return undefined;
  if (declarator.init) return { value: declarator.init, path };
  const assignment = writes[0]?.identifier.parent;
  if (path.length === 0 && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === '=') {
    return { value: assignment.right, path };
  }
  return undefined;
}

function isLoopHead(declaration: TSESTree.Node | null | undefined): boolean {
  const parent = declaration?.parent;
  return parent?.type === AST_NODE_TYPES.ForOfStatement || parent?.type === AST_NODE_TYPES.ForInStatement;
}

/** Keys from the declarator's pattern down to the bound name; undefined through rest or computed keys. */
function destructuringPath(name: TSESTree.Identifier, declarator: TSESTree.VariableDeclarator): string[] | undefined {
  const path: string[] = [];
  let node: TSESTree.Node = name;
  while (node !== declarator.id) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property) {
      const key = staticKeyName(parent.key, parent.computed);
      if (key === undefined) return undefined;
      path.unshift(key);
    } else if (parent.type !== AST_NODE_TYPES.ObjectPattern && parent.type !== AST_NODE_TYPES.AssignmentPattern) {
      return undefined;
    }
    node = parent;
  }
  return path;
}
