// Resolves what a string expression is known to contain without type information: literals,
// templates, `+` concatenations (split across parts) and variables initialised once with such a value.
import { ASTUtils, AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** A piece of a string expression: text known statically, or a value only known at run time. */
export type StringPart = { kind: 'text'; text: string } | { kind: 'dynamic'; node: TSESTree.Node };

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

/** Whether the node is a `+` whose operands are concatenated (not an arithmetic sum of numbers). */
export function isConcatenation(node: TSESTree.Node): node is TSESTree.BinaryExpression {
  return node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+';
}

/**
 * The initialiser of a variable that is written exactly once, at its declaration (`const`, or a
 * `let`/`var` never reassigned); undefined for parameters, imports and reassigned variables.
 */
export function findSingleInitializer(
  identifier: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(scope, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0];
  if (!definition || definition.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1) return undefined;
  return declarator.init;
}

function pushText(parts: StringPart[], text: string): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === 'text') last.text += text;
  else parts.push({ kind: 'text', text });
}

function collectParts(
  node: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  depth: number,
  out: StringParts,
): void {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'string' || typeof node.value === 'number') {
        pushText(out.parts, String(node.value));
        return;
      }
      break;
    case AST_NODE_TYPES.TemplateLiteral:
      node.quasis.forEach((quasi, index) => {
        pushText(out.parts, quasi.value.cooked ?? quasi.value.raw);
        const expression = node.expressions[index];
        if (expression) collectParts(expression, scope, depth, out);
      });
      return;
    case AST_NODE_TYPES.BinaryExpression:
      if (node.operator === '+') {
        collectParts(node.left, scope, depth, out);
        collectParts(node.right, scope, depth, out);
        return;
      }
      break;
    case AST_NODE_TYPES.Identifier:
      if (depth < MAX_RESOLVE_DEPTH) {
        const init = findSingleInitializer(node, scope);
        if (init && isStringLike(init)) {
          out.resolvedInitializers.push(init);
          collectParts(init, scope, depth + 1, out);
          return;
        }
      }
      break;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      collectParts(node.expression, scope, depth, out);
      return;
    default:
      break;
  }
  out.parts.push({ kind: 'dynamic', node });
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

/** The full string value when every part is known statically, else undefined. */
export function getStaticString(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  const { parts } = getStringParts(node, scope);
  if (parts.some((part) => part.kind === 'dynamic')) return undefined;
  return parts.map((part) => (part.kind === 'text' ? part.text : '')).join('');
}

/** The name of a non-computed property key, or of a string-literal key (`'X-Amz-Date': …`). */
export function getPropertyKeyName(property: TSESTree.Property | TSESTree.MemberExpression): string | undefined {
  const key = property.type === AST_NODE_TYPES.Property ? property.key : property.property;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}
