// Resolves what a string expression is known to contain without type information: literals,
// templates, `+` concatenations (split across parts) and variables initialised once with such a value.
import { getStaticValue } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { resolveConstBinding } from './const-binding';
import { appendStringParts, isConcatenation, type StringPart } from './string-parts';

export { isConcatenation, type StringPart } from './string-parts';

/** The flattened parts of a string expression, and the variable initialisers read to get them. */
export interface StringParts {
  parts: StringPart[];
  /** Initialiser nodes reached through variables, so a caller can avoid reporting them twice. */
  resolvedInitializers: TSESTree.Node[];
}

/** Stands for a run-time value in `partsToPattern`; it never occurs in source text. */
export const DYNAMIC_MARK = '\u0000';

/** How many variable hops are followed: enough for `const a = b + c` chains, bounded against cycles. */
const MAX_RESOLVE_DEPTH = 4;

/**
 * The initialiser of a variable that is written exactly once, at its declaration (`const`, or a
 * `let`/`var` never reassigned); undefined for parameters, imports, reassigned variables,
 * destructured names and a `let x; x = v` written after its declaration.
 */
export function findSingleInitializer(
  identifier: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
): TSESTree.Expression | undefined {
  const binding = resolveConstBinding(identifier, () => scope);
  // The bound value is the declarator's own initialiser only when its parent is that declarator.
  const isInitializer = binding?.value.parent.type === AST_NODE_TYPES.VariableDeclarator;
  return binding && binding.path.length === 0 && isInitializer ? binding.value : undefined;
}

/** Reads literals, numbers included, splits every `+`, and follows variables and type wrappers. */
function collectParts(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth: number, out: StringParts): void {
  appendStringParts(
    node,
    {
      literalText: (literal) =>
        typeof literal.value === 'string' || typeof literal.value === 'number' ? String(literal.value) : undefined,
      splitsConcatenation: () => true,
      expandLeaf: (leaf) => expandLeaf(leaf, scope, depth, out),
    },
    out.parts,
  );
}

/** Flattens a variable written once with a string, or the value inside a TypeScript wrapper. */
function expandLeaf(leaf: TSESTree.Node, scope: TSESLint.Scope.Scope, depth: number, out: StringParts): boolean {
  switch (leaf.type) {
    case AST_NODE_TYPES.Identifier: {
      if (depth >= MAX_RESOLVE_DEPTH) return false;
      const init = findSingleInitializer(leaf, scope);
      if (!init || !isStringLike(init)) return false;
      out.resolvedInitializers.push(init);
      collectParts(init, scope, depth + 1, out);
      return true;
    }
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      collectParts(leaf.expression, scope, depth, out);
      return true;
    default:
      return false;
  }
}

/** Whether an initialiser can hold a string we can read: a literal, template or concatenation. */
function isStringLike(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    isConcatenation(node)
  );
}

/** Flattens a string expression into known text and run-time parts. */
export function getStringParts(node: TSESTree.Node, scope: TSESLint.Scope.Scope): StringParts {
  const out: StringParts = { parts: [], resolvedInitializers: [] };
  collectParts(node, scope, 0, out);
  return out;
}

/** The parts as one string in which every run-time value is `DYNAMIC_MARK`, for regex matching. */
export function partsToPattern(parts: readonly StringPart[]): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : DYNAMIC_MARK)).join('');
}

/**
 * The full value as text when it is known statically (a number reads as its digits), by eslint-utils'
 * constant folding, which also sees through `as`, `satisfies`, `!`, `<T>` and `const` names.
 */
export function getStaticString(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  // eslint-utils is typed against ESTree and ESLint's scope; TSESTree and TSESLint's mirror them structurally.
  const value: unknown = getStaticValue(node as never, scope as never)?.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The name of a non-computed property key, or of a string-literal key (`'X-Amz-Date': …`); not an index (`files[0]`). */
export function getPropertyKeyName(property: TSESTree.Property | TSESTree.MemberExpression): string | undefined {
  const key = property.type === AST_NODE_TYPES.Property ? property.key : property.property;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}
