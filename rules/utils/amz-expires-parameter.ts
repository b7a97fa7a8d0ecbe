// Finds where hand-built SigV4 presigned URLs set `X-Amz-Expires`: the value after it in a
// concatenation or template, a `{ 'X-Amz-Expires': v }` property, `params.set('X-Amz-Expires', v)`,
// or digits written straight into the string.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { staticMemberName } from './const-binding';

/** Where an `X-Amz-Expires` value is written: an expression to evaluate, or seconds written in the text. */
export type AmzExpiresValue =
  | { readonly kind: 'expression'; readonly node: TSESTree.Node }
  | { readonly kind: 'inline'; readonly node: TSESTree.Node; readonly seconds: number };

const PARAMETER_NAME = /^x-amz-expires$/i;
const ASSIGNMENT_AT_END = /(?:^|[?&])x-amz-expires=$/i;
const ASSIGNMENT_WITH_DIGITS = /(?:^|[?&])x-amz-expires=(\d+)/i;

/** The `X-Amz-Expires` value a string literal names or starts, if any. */
export function findAmzExpiresInLiteral(literal: TSESTree.Literal): AmzExpiresValue | undefined {
  if (typeof literal.value !== 'string') return undefined;
  const parent = literal.parent;
  if (PARAMETER_NAME.test(literal.value)) {
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === literal) return { kind: 'expression', node: parent.value };
    if (isSearchParamsWrite(parent, literal) && parent.arguments[1]) return { kind: 'expression', node: parent.arguments[1] };
    return undefined;
  }
  const digits = ASSIGNMENT_WITH_DIGITS.exec(literal.value);
  if (digits?.[1]) return { kind: 'inline', node: literal, seconds: Number(digits[1]) };
  if (!ASSIGNMENT_AT_END.test(literal.value)) return undefined;
  const next = followingOperand(literal);
  return next && { kind: 'expression', node: next };
}

/** The `X-Amz-Expires` value one template-literal segment names or starts, if any. */
export function findAmzExpiresInTemplate(element: TSESTree.TemplateElement): AmzExpiresValue | undefined {
  const template = element.parent;
  if (template?.type !== AST_NODE_TYPES.TemplateLiteral) return undefined;
  const text = element.value.cooked ?? element.value.raw;
  const digits = ASSIGNMENT_WITH_DIGITS.exec(text);
  if (digits?.[1]) return { kind: 'inline', node: template, seconds: Number(digits[1]) };
  if (!ASSIGNMENT_AT_END.test(text)) return undefined;
  const expression = template.expressions[template.quasis.indexOf(element)];
  return expression && { kind: 'expression', node: expression };
}

/** `url.searchParams.set('X-Amz-Expires', v)` / `.append(…)` with the name as first argument. */
function isSearchParamsWrite(
  parent: TSESTree.Node | undefined,
  literal: TSESTree.Literal,
): parent is TSESTree.CallExpression {
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== literal) return false;
  const callee = parent.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticMemberName(callee);
  return method === 'set' || method === 'append';
}

/** The operand right after `node` in a `+` chain: in `a + '…=' + b + c` that is `b`. */
function followingOperand(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node;
  while (current.parent?.type === AST_NODE_TYPES.BinaryExpression && current.parent.operator === '+') {
    const parent: TSESTree.BinaryExpression = current.parent;
    if (parent.left === current) return leftmostOperand(parent.right);
    current = parent;
  }
  return undefined;
}

function leftmostOperand(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') current = current.left;
  return current;
}
