// Flattens a string-building expression (literal, template, `+` chain) into its static text and holes.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

export type StringPart = { kind: 'text'; value: string } | { kind: 'hole'; node: TSESTree.Node };

/** True for a string literal, a template literal or a `+` chain that contains one. */
export function isStringExpression(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    return isStringExpression(node.left) || isStringExpression(node.right);
  }
  return false;
}

/**
 * The parts of a string expression in source order, or null when the node does not build a
 * string. Adjacent texts are merged so a caller can split on separators across parts.
 */
export function flattenStringParts(node: TSESTree.Node): StringPart[] | null {
  if (!isStringExpression(node)) return null;
  const parts: StringPart[] = [];
  collectParts(node, parts);
  return mergeAdjacentText(parts);
}

function collectParts(node: TSESTree.Node, parts: StringPart[]): void {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
    parts.push({ kind: 'text', value: node.value });
  } else if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    node.quasis.forEach((quasi, index) => {
      parts.push({ kind: 'text', value: quasi.value.cooked ?? quasi.value.raw });
      const expression = node.expressions[index];
      if (expression) collectParts(expression, parts);
    });
  } else if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+' && isStringExpression(node)) {
    collectParts(node.left, parts);
    collectParts(node.right, parts);
  } else {
    parts.push({ kind: 'hole', node });
  }
}

function mergeAdjacentText(parts: StringPart[]): StringPart[] {
  const merged: StringPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (part.kind === 'text' && last?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', value: last.value + part.value };
    } else if (part.kind !== 'text' || part.value !== '') {
      merged.push(part);
    }
  }
  return merged;
}

/** Splits parts on a separator found in their text: each segment keeps its own texts and holes. */
export function splitStringParts(parts: readonly StringPart[], separator: string): StringPart[][] {
  const segments: StringPart[][] = [[]];
  for (const part of parts) {
    if (part.kind === 'hole') {
      segments.at(-1)?.push(part);
      continue;
    }
    part.value.split(separator).forEach((piece, index) => {
      if (index > 0) segments.push([]);
      if (piece !== '') segments.at(-1)?.push({ kind: 'text', value: piece });
    });
  }
  return segments;
}

/** The static text before the first hole of a segment, and whether the segment starts with a hole. */
export function leadingText(segment: readonly StringPart[]): string | null {
  const first = segment[0];
  return first?.kind === 'text' ? first.value : null;
}
