// Matches query strings and header lists written as literal text, and checks SigV4's code-point order.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { StringPart } from './string-parts';
import { flattenStringParts, leadingText, splitStringParts } from './string-parts';

const QUERY_NAME = /^[A-Za-z0-9._~%-]+$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Code-point order, as SigV4 sorts names (not `localeCompare`, which folds case). */
export function compareCodePoints(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/** True when the known names appear in code-point order (unknown names in between do not matter). */
export function isCodePointSorted(names: readonly string[]): boolean {
  return names.every((name, index) => index === 0 || compareCodePoints(names[index - 1] ?? '', name) <= 0);
}

/**
 * Parameter names written literally in a `name=value&name=value` string, in source order, or null
 * when the text does not look like a query string with at least two literal names. A name that
 * comes from a run-time part is skipped: it cannot be compared.
 */
export function literalQueryParameterNames(parts: readonly StringPart[]): string[] | null {
  const segments = splitStringParts(stripLeadingQuestionMark(parts), '&');
  if (segments.length < 2) return null;
  const names: string[] = [];
  for (const segment of segments) {
    const text = leadingText(segment);
    if (text === null) continue;
    const equals = text.indexOf('=');
    if (equals <= 0) return null;
    const name = text.slice(0, equals);
    if (!QUERY_NAME.test(name)) return null;
    names.push(name);
  }
  return names.length >= 2 ? names : null;
}

/**
 * The names of `name=…` strings joined with `&` (array elements or pushed strings), or of
 * `[name, value]` pairs mapped to `name=value`, in order; others are skipped.
 */
export function joinedQueryParameterNames(elements: readonly TSESTree.Node[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === AST_NODE_TYPES.ArrayExpression) return pairName(element);
    const text = leadingText(flattenStringParts(element) ?? []);
    const equals = text?.indexOf('=') ?? -1;
    return text && equals > 0 ? [text.slice(0, equals)] : [];
  });
}

/** The literal name of a `[name, value]` pair. */
function pairName(pair: TSESTree.ArrayExpression): string[] {
  const [name] = pair.elements;
  const text = name && name.type !== AST_NODE_TYPES.SpreadElement && pair.elements.length === 2 ? onlyText(flattenStringParts(name) ?? []) : null;
  return text && QUERY_NAME.test(text) ? [text] : [];
}

function stripLeadingQuestionMark(parts: readonly StringPart[]): readonly StringPart[] {
  const first = parts[0];
  if (first?.kind !== 'text' || !first.text.startsWith('?')) return parts;
  return [{ kind: 'text', text: first.text.slice(1) }, ...parts.slice(1)];
}

/**
 * Header names written literally as canonical header lines (`name:value\n…`) or as a signed-header
 * list (`name;name`), or null when the text is neither.
 */
export function literalHeaderNames(parts: readonly StringPart[], separator: '\n' | ';'): string[] | null {
  const segments = splitStringParts(parts, separator).filter((segment) => segment.length > 0);
  if (segments.length < 2) return null;
  const names: string[] = [];
  for (const segment of segments) {
    const text = leadingText(segment);
    if (text === null) continue;
    const name = separator === ';' ? onlyText(segment) : headerLineName(text);
    if (name === null || name === '' || !HEADER_NAME.test(name)) return null;
    names.push(name);
  }
  return names.length >= 2 ? names : null;
}

/** `name:value` as SigV4 writes it: values are trimmed, so `Line: 3` is prose, not a header line. */
function headerLineName(text: string): string | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || text[colon + 1] === ' ') return null;
  return text.slice(0, colon);
}

function onlyText(segment: readonly StringPart[]): string | null {
  const [first] = segment;
  return segment.length === 1 && first?.kind === 'text' ? first.text : null;
}
