// The values an expression may hold, as alternatives of known pieces and run-time holes, and the
// operations the resolver combines them with (branches, concatenation, join).
import type { TSESTree } from '@typescript-eslint/utils';

export type Primitive = string | number | boolean | null | undefined | bigint;

/** A piece of a value: a constant, or a hole only run time fills. */
export type Part = { readonly kind: 'value'; readonly value: Primitive } | { readonly kind: 'dynamic'; readonly node: TSESTree.Node };

/** One way the expression may evaluate: its pieces in order (one piece unless it was concatenated). */
export type Alternative = readonly Part[];

/** Every way the expression may evaluate, and the initialisers read to know it. */
export interface Possible {
  readonly alternatives: readonly Alternative[];
  /** Expressions other than the asked one that were read (variable initialisers, returns, arguments). */
  readonly sources: readonly TSESTree.Node[];
}

/** Stands for a run-time piece in `patternsOf`; it never occurs in source text. */
export const DYNAMIC_MARK = '\u0000';

// Past this many alternatives a value is treated as unknown: the product of branches grows fast.
export const MAX_ALTERNATIVES = 32;

export function unknownValue(node: TSESTree.Node): Possible {
  return { alternatives: [[{ kind: 'dynamic', node }]], sources: [] };
}

export function constantValue(value: Primitive): Possible {
  return { alternatives: [[{ kind: 'value', value }]], sources: [] };
}

/** Every alternative of every input (the branches of `a || b`, `c ? a : b`, several writes). */
export function union(possibles: readonly Possible[], node: TSESTree.Node): Possible {
  const alternatives = possibles.flatMap((possible) => possible.alternatives);
  if (alternatives.length > MAX_ALTERNATIVES) return unknownValue(node);
  return { alternatives, sources: possibles.flatMap((possible) => possible.sources) };
}

export function withSource(possible: Possible, source: TSESTree.Node): Possible {
  return { alternatives: possible.alternatives, sources: [source, ...possible.sources] };
}

function textOf(part: Part): string | undefined {
  return part.kind === 'value' ? String(part.value) : undefined;
}

/** Concatenates pieces, merging adjacent constants into one string. */
function concatParts(left: Alternative, right: Alternative): Alternative {
  const joined: Part[] = [...left];
  for (const part of right) {
    const last = joined.at(-1);
    const lastText = last && textOf(last);
    const text = textOf(part);
    if (lastText !== undefined && text !== undefined) joined[joined.length - 1] = { kind: 'value', value: lastText + text };
    else joined.push(part);
  }
  return joined;
}

function singleNumber(alternative: Alternative): number | undefined {
  const [only] = alternative;
  return alternative.length === 1 && only?.kind === 'value' && typeof only.value === 'number' ? only.value : undefined;
}

/** `a + b` for each pair of alternatives: a sum when both are numbers, a concatenation otherwise. */
export function plus(left: Possible, right: Possible, node: TSESTree.Node): Possible {
  if (left.alternatives.length * right.alternatives.length > MAX_ALTERNATIVES) return unknownValue(node);
  const alternatives = left.alternatives.flatMap((a) =>
    right.alternatives.map((b): Alternative => {
      const x = singleNumber(a);
      const y = singleNumber(b);
      return x !== undefined && y !== undefined ? [{ kind: 'value', value: x + y }] : concatParts(stringly(a), stringly(b));
    }),
  );
  return { alternatives, sources: [...left.sources, ...right.sources] };
}

/** Numbers, booleans and nulls as the text they concatenate to. */
function stringly(alternative: Alternative): Alternative {
  return alternative.map((part) => (part.kind === 'value' ? { kind: 'value', value: String(part.value) } : part));
}

/** Concatenates several values in order (template literals, `[…].join(sep)`). */
export function concatAll(possibles: readonly Possible[], node: TSESTree.Node): Possible {
  let result = constantValue('');
  for (const possible of possibles) {
    result = plus(result, possible, node);
  }
  return result;
}

/** True when nothing at all is known: one alternative, one run-time piece. */
export function isUnknown(possible: Possible): boolean {
  const [only] = possible.alternatives;
  return possible.alternatives.length === 1 && only?.length === 1 && only[0]?.kind === 'dynamic';
}

/** The constant of each alternative that is wholly known (string pieces joined). */
export function constantsOf(possible: Possible): Primitive[] {
  return possible.alternatives.flatMap((alternative) => {
    const [only] = alternative;
    if (alternative.length === 1 && only?.kind === 'value') return [only.value];
    return [];
  });
}

/** Whether some alternative holds a run-time piece. */
export function hasUnknownPart(possible: Possible): boolean {
  return possible.alternatives.some((alternative) => alternative.some((part) => part.kind === 'dynamic'));
}

/** The one constant every alternative agrees on, or undefined when run time decides. */
export function singleConstant(possible: Possible): Primitive | undefined {
  if (hasUnknownPart(possible)) return undefined;
  const values = new Set(constantsOf(possible));
  return values.size === 1 ? [...values][0] : undefined;
}

/** Each alternative as text with `DYNAMIC_MARK` for run-time pieces, for regex matching. */
export function patternsOf(possible: Possible): string[] {
  return possible.alternatives.map((alternative) => alternative.map((part) => textOf(part) ?? DYNAMIC_MARK).join(''));
}

/** The alternatives that are numbers (or numeric strings, as `parseInt`/headers read them). */
export function numbersOf(possible: Possible): number[] {
  return constantsOf(possible).flatMap((value) => {
    if (typeof value === 'number') return [value];
    if (typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value)) return [Number(value)];
    return [];
  });
}
