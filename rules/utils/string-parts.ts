// Flattens a string-building expression (literal, template, `+` chain) into its static text and
// run-time parts: the one walker behind every rule that reads strings piece by piece.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** A piece of a string expression: text known statically, or a value only known at run time. */
export type StringPart = { kind: 'text'; text: string } | { kind: 'dynamic'; node: TSESTree.Node };

/** How a caller wants the leaves of a string expression read. */
export interface StringPartReader {
  /** The text a literal stands for, or undefined to keep it as a run-time part. */
  literalText(literal: TSESTree.Literal): string | undefined;
  /** Whether a `+` is split into its operands, rather than kept whole as a run-time part. */
  splitsConcatenation(concatenation: TSESTree.BinaryExpression): boolean;
  /** Appends the parts of a leaf read some other way (a variable, a type wrapper); false keeps it run-time. */
  expandLeaf?(leaf: TSESTree.Node, parts: StringPart[]): boolean;
}

/** Whether the node is a `+` whose operands are concatenated (not an arithmetic sum of numbers). */
export function isConcatenation(node: TSESTree.Node): node is TSESTree.BinaryExpression {
  return node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+';
}

/** True for a string literal, a template literal or a `+` chain that contains one. */
export function isStringExpression(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (isConcatenation(node)) return isStringExpression(node.left) || isStringExpression(node.right);
  return false;
}

/** Appends text, joined to the text before it so a caller can match across `+` and `${}` seams. */
function pushText(parts: StringPart[], text: string): void {
  const last = parts.at(-1);
  if (last?.kind === 'text') last.text += text;
  else parts.push({ kind: 'text', text });
}

/**
 * Appends the parts of `node` to `parts` in source order. Adjacent texts are merged; an empty text
 * is kept where a template starts or ends with a `${}` (callers that do not want it filter it out).
 */
export function appendStringParts(node: TSESTree.Node, reader: StringPartReader, parts: StringPart[]): void {
  if (node.type === AST_NODE_TYPES.Literal) {
    const text = reader.literalText(node);
    if (text !== undefined) return pushText(parts, text);
  } else if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    node.quasis.forEach((quasi, index) => {
      pushText(parts, quasi.value.cooked ?? quasi.value.raw);
      const expression = node.expressions[index];
      if (expression) appendStringParts(expression, reader, parts);
    });
    return;
  } else if (isConcatenation(node) && reader.splitsConcatenation(node)) {
    appendStringParts(node.left, reader, parts);
    appendStringParts(node.right, reader, parts);
    return;
  }
  if (!reader.expandLeaf?.(node, parts)) parts.push({ kind: 'dynamic', node });
}

/** Reads the string as written in place: only string literals are text, only string `+` chains split. */
const IN_PLACE_READER: StringPartReader = {
  literalText: (literal) => (typeof literal.value === 'string' ? literal.value : undefined),
  splitsConcatenation: isStringExpression,
};

/**
 * The parts of a string expression as written in place, or null when the node does not build a
 * string. Adjacent texts are merged and empty ones dropped, so a caller can split on separators.
 */
export function flattenStringParts(node: TSESTree.Node): StringPart[] | null {
  if (!isStringExpression(node)) return null;
  const parts: StringPart[] = [];
  appendStringParts(node, IN_PLACE_READER, parts);
  return parts.filter((part) => part.kind !== 'text' || part.text !== '');
}

/** Splits parts on a separator found in their text: each segment keeps its own texts and run-time parts. */
export function splitStringParts(parts: readonly StringPart[], separator: string): StringPart[][] {
  const segments: StringPart[][] = [[]];
  for (const part of parts) {
    if (part.kind === 'dynamic') {
      segments.at(-1)?.push(part);
      continue;
    }
    part.text.split(separator).forEach((piece, index) => {
      if (index > 0) segments.push([]);
      if (piece !== '') segments.at(-1)?.push({ kind: 'text', text: piece });
    });
  }
  return segments;
}

/** The static text a segment starts with, or null when it starts with a run-time part. */
export function leadingText(segment: readonly StringPart[]): string | null {
  const first = segment[0];
  return first?.kind === 'text' ? first.text : null;
}
