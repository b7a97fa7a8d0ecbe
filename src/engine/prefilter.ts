// The text prefilter: per rule, the words a file cannot lack if the rule is to report in it. A file
// that no needle group of its rules matches is never parsed. Keyed by rule name, so a new rule fails
// to type-check until it has needles here; test/engine/prefilter.test.ts checks them against every case
// the rules' own tests report.
import type { RuleName } from '../../rules/index';
import { PUT_TEXT_GATES } from '../../rules/presigned-put-content-type';
import { CANONICAL_REQUEST_HINT } from '../../rules/utils/canonical-request';

/** A substring matched as written (case-sensitive, as the rules are), or a pattern. */
export type Needle = string | RegExp;

/** A rule's prefilter: a file is a candidate when every needle of at least one group occurs in it. */
export type Needles = readonly (readonly Needle[])[];

export const ruleNeedles: Record<RuleName, Needles> = {
  // The rule's own whole-file gates (no-legacy-signature.ts `create`): without one, it adds no listener.
  'no-legacy-signature': [
    ['AWS3'],
    ['AWSAccessKeyId'],
    ['SignatureVersion'],
    ["'AWS "],
    ['"AWS '],
    ['`AWS '],
    [/x-amzn-authorization/i],
    ['signatureVersion'],
    ['aws-sign2'],
    ['knox'],
    ['aws3'],
    ['aws-sdk-signature-v2'],
    // Its `aws:` option counts only in calls into one of REQUEST_MODULES, loaded by name.
    [/\baws\s*:/, /['"`](?:postman-)?request(?:-promise(?:-native)?)?['"`]/],
  ],
  // Reports only at a `getSignedUrl…` call, an `S3RequestPresigner` from the presigner module, or an
  // `X-Amz-Expires` string.
  'require-sigv4-presign': [['getSignedUrl'], ['s3-request-presigner'], [/x-amz-expires/i]],
  // The rule returns no listener unless its own hint matches.
  'sorted-canonical-query': [[CANONICAL_REQUEST_HINT]],
  // The rule's own whole-file gate: a file failing it gets no listener, so parsing it finds nothing.
  'presigned-put-content-type': [PUT_TEXT_GATES],
};

function occurs(needle: Needle, text: string): boolean {
  return typeof needle === 'string' ? text.includes(needle) : needle.test(text);
}

/** `needle` as regular-expression source and flags; a string matches as written. */
function patternOf(needle: Needle): { source: string; flags: string } {
  if (typeof needle === 'string') return { source: needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags: '' };
  return { source: needle.source, flags: needle.flags };
}

/** The needle without g or y: `test` with them resumes at the last match, so a second file could miss. */
function stateless(needle: Needle): Needle {
  return typeof needle === 'string' || !/[gy]/.test(needle.flags) ? needle : new RegExp(needle.source, needle.flags.replace(/[gy]/g, ''));
}

/** Back-references and named groups change meaning (or fail) once joined with other patterns. */
const NUMBERED_OR_NAMED = /\\[1-9k]|\(\?<[^=!]/;

/**
 * A test every file some group matches passes: one needle of each group, joined into one pattern
 * per set of flags. Nearly every file fails it after one or two scans, instead of one scan per
 * needle (the needles cost more than reading the files on a node_modules-sized tree).
 */
function quickTest(groups: readonly (readonly Needle[])[]): (text: string) => boolean {
  const joined = new Map<string, string[]>();
  const apart: RegExp[] = [];
  for (const [first] of groups) {
    if (first === undefined) return () => true;
    const { source, flags } = patternOf(first);
    if (NUMBERED_OR_NAMED.test(source)) apart.push(new RegExp(source, flags));
    else joined.set(flags, [...(joined.get(flags) ?? []), `(?:${source})`]);
  }
  const patterns = [...[...joined].map(([flags, sources]) => new RegExp(sources.join('|'), flags)), ...apart];
  return (text) => patterns.some((pattern) => pattern.test(text));
}

/** Decides cheaply whether a file can hold a finding of any of `needles`. */
export function createPrefilter(needles: readonly Needles[]): (text: string) => boolean {
  const groups = needles.flat().map((group) => group.map(stateless));
  const mayMatch = quickTest(groups);
  return (text) => mayMatch(text) && groups.some((group) => group.every((needle) => occurs(needle, text)));
}
