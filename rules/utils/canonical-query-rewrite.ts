// Which expression a `canonicalQueryString(…)` rewrite replaces and what it passes: chosen once by the
// rule, carried to the codemod in its suggestion's data, so the editor and the CLI never disagree.

/** [start, end) offsets into the linted text. */
export type TextRange = readonly [number, number];

export interface CanonicalQueryRewrite {
  /** The expression replaced by the call. */
  target: TextRange;
  /** The expression passed to the call (the target itself, or the params it was built from). */
  argument: TextRange;
  /**
   * Some finding of the request has no fix in the builder, so the rewrite is made anyway: the
   * request's other findings then take it too (one edit per request), not their own fixes.
   */
  required?: boolean;
}

/** One finding's own rewrite, as its suggestion computes it, and whether the query it names is form-encoded. */
export interface CanonicalQueryCandidate {
  own: CanonicalQueryRewrite;
  formEncoded: boolean;
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * The rewrite each finding of one canonical request gets. Findings inside the code that builds the
 * request's query line all wrap that line, so their edits are one and the same: the line itself
 * when a finding proposes a better argument for it (the params a query was stringified from), else
 * `canonicalQueryString(line)`, which re-canonicalises the string as sent. A form-encoded string
 * (`+` for a space) cannot be re-read that way, so such a finding keeps its own rewrite, which
 * passes the params themselves. Without a query line (`slot` null) each finding keeps its own.
 */
export function chooseCanonicalQueryRewrites(slot: TextRange | null, candidates: readonly CanonicalQueryCandidate[]): CanonicalQueryRewrite[] {
  if (!slot) return candidates.map((candidate) => candidate.own);
  const atSlot = candidates.find((candidate) => sameRange(candidate.own.target, slot) && !sameRange(candidate.own.argument, slot));
  const shared: CanonicalQueryRewrite = atSlot ? atSlot.own : { target: slot, argument: slot };
  return candidates.map((candidate) => (candidate.formEncoded && !atSlot ? candidate.own : shared));
}

const TARGET_KEY = 'rewriteTarget';
const ARGUMENT_KEY = 'rewriteArgument';
const REQUIRED_KEY = 'rewriteRequired';

/** Suggestion data (strings only) carrying the rewrite; the message does not show it. */
export function canonicalQueryRewriteData(rewrite: CanonicalQueryRewrite): Record<string, string> {
  const data: Record<string, string> = { [TARGET_KEY]: rewrite.target.join(':'), [ARGUMENT_KEY]: rewrite.argument.join(':') };
  if (rewrite.required) data[REQUIRED_KEY] = 'true';
  return data;
}

function parseRange(text: string | undefined): TextRange | undefined {
  const match = /^(\d+):(\d+)$/.exec(text ?? '');
  if (!match) return undefined;
  const range: TextRange = [Number(match[1]), Number(match[2])];
  return range[0] <= range[1] ? range : undefined;
}

/** The rewrite read back from suggestion data, or undefined when the data does not carry one. */
export function canonicalQueryRewriteFromData(data: Readonly<Record<string, string>> | undefined): CanonicalQueryRewrite | undefined {
  const target = parseRange(data?.[TARGET_KEY]);
  const argument = parseRange(data?.[ARGUMENT_KEY]);
  if (!target || !argument) return undefined;
  return data?.[REQUIRED_KEY] === 'true' ? { target, argument, required: true } : { target, argument };
}

/** The replacement text: `name(argument)`. */
export function canonicalQueryCall(localName: string, argumentText: string): string {
  return `${localName}(${argumentText})`;
}
