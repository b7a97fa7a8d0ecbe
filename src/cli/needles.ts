// The text prefilter: literal needles per rule. A file that contains none of its rules' needles is
// never parsed. Keyed by rule name, so a new rule fails to type-check until it has needles here.
import type { RuleName } from '../../rules/index';

export interface Needles {
  /** Matched as written (for words that are too common in other casings, like `PUT`). */
  exact: readonly string[];
  /** Matched case-insensitively; written in lower case. */
  anyCase: readonly string[];
}

export const ruleNeedles: Record<RuleName, Needles> = {
  'no-legacy-signature': {
    exact: ["'AWS ", '"AWS ', '`AWS '],
    anyCase: ['aws3', 'x-amzn-authorization', 'signatureversion', 'awsaccesskeyid', 'aws-sign2', 'knox', 'aws-sdk-signature-v2', 'sign_version', 'aws:'],
  },
  'require-sigv4-presign': {
    exact: [],
    anyCase: ['getsignedurl', 'x-amz-expires', 'signatureversion'],
  },
  'sorted-canonical-query': {
    exact: [],
    anyCase: ['aws4-hmac-sha256', 'aws4_request', 'canonical'],
  },
  'presigned-put-content-type': {
    exact: ['PUT', '.put(', "'put'", '"put"', '`put`'],
    anyCase: [],
  },
};

/** Decides cheaply whether a file can hold a finding of any of `needles`. */
export function createPrefilter(needles: readonly Needles[]): (text: string) => boolean {
  const exact = [...new Set(needles.flatMap((entry) => entry.exact))];
  const anyCase = [...new Set(needles.flatMap((entry) => entry.anyCase))];
  return (text) => {
    if (exact.some((needle) => text.includes(needle))) return true;
    if (anyCase.length === 0) return false;
    const lower = text.toLowerCase();
    return anyCase.some((needle) => lower.includes(needle));
  };
}
