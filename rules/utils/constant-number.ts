// Evaluates numeric constant expressions (`8 * 24 * 3600`, `ONE_WEEK + 1`, `'691200'`) without running
// code, so limits written as arithmetic or kept in a `const` are checked like plain literals.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { resolveConstBinding, type ScopeOf, skipTypeWrappers, staticMemberName } from './const-binding';
import { findObjectProperty } from './object-literal';

// Constants defined in terms of other constants rarely chain deeper; the cap also stops cycles.
const MAX_DEPTH = 8;

/** The number the expression always evaluates to, or undefined when it depends on run time. */
export function evaluateConstantNumber(node: TSESTree.Node, scopeOf: ScopeOf): number | undefined {
  return evaluateAtDepth(node, scopeOf, 0);
}

function evaluateAtDepth(node: TSESTree.Node, scopeOf: ScopeOf, depth: number): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipTypeWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return literalNumber(expression.value);
    case AST_NODE_TYPES.TemplateLiteral:
      return expression.expressions.length === 0 ? literalNumber(expression.quasis[0]?.value.cooked ?? '') : undefined;
    case AST_NODE_TYPES.UnaryExpression: {
      const operand = evaluateAtDepth(expression.argument, scopeOf, depth + 1);
      if (operand === undefined) return undefined;
      if (expression.operator === '-') return -operand;
      return expression.operator === '+' ? operand : undefined;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return evaluateBinary(expression, scopeOf, depth);
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(expression, scopeOf, depth);
    case AST_NODE_TYPES.MemberExpression:
      return evaluateConstantMember(expression, scopeOf, depth);
    case AST_NODE_TYPES.CallExpression:
      return evaluateConversionCall(expression, scopeOf, depth);
    default:
      return undefined;
  }
}

function literalNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

function evaluateBinary(node: TSESTree.BinaryExpression, scopeOf: ScopeOf, depth: number): number | undefined {
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const left = evaluateAtDepth(node.left, scopeOf, depth + 1);
  const right = left === undefined ? undefined : evaluateAtDepth(node.right, scopeOf, depth + 1);
  if (left === undefined || right === undefined) return undefined;
  switch (node.operator) {
    case '+':
      return isStringOperand(node.left) || isStringOperand(node.right) ? undefined : left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    case '%':
      return left % right;
    case '**':
      return left ** right;
    default:
      return undefined;
  }
}

/** `'6' + 0` concatenates; such sums are not the numbers they look like. */
function isStringOperand(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}

function evaluateIdentifier(node: TSESTree.Identifier, scopeOf: ScopeOf, depth: number): number | undefined {
  const binding = resolveConstBinding(node, scopeOf);
  if (!binding) return undefined;
  if (binding.path.length === 0) return evaluateAtDepth(binding.value, scopeOf, depth + 1);
  const [first, ...rest] = binding.path;
  const lookup = first === undefined || rest.length > 0 ? undefined : findObjectProperty(binding.value, first, scopeOf);
  return lookup?.kind === 'found' ? evaluateAtDepth(lookup.value, scopeOf, depth + 1) : undefined;
}

/** `LIMITS.expires` where `LIMITS` is a `const` object literal. */
function evaluateConstantMember(node: TSESTree.MemberExpression, scopeOf: ScopeOf, depth: number): number | undefined {
  const name = staticMemberName(node);
  if (name === undefined) return undefined;
  const lookup = findObjectProperty(node.object, name, scopeOf);
  return lookup.kind === 'found' ? evaluateAtDepth(lookup.value, scopeOf, depth + 1) : undefined;
}

/** `Number(x)`, `parseInt(x, 10)`, `String(x)`, `x.toString()`: the same number, converted. */
function evaluateConversionCall(node: TSESTree.CallExpression, scopeOf: ScopeOf, depth: number): number | undefined {
  const callee = node.callee;
  const argument = node.arguments[0];
  if (callee.type === AST_NODE_TYPES.Identifier && argument && ['Number', 'String', 'parseInt'].includes(callee.name)) {
    return evaluateAtDepth(argument, scopeOf, depth + 1);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(callee) === 'toString' && node.arguments.length === 0) {
    return evaluateAtDepth(callee.object, scopeOf, depth + 1);
  }
  return undefined;
}
