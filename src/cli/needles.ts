// The text prefilter: literal needles per rule. A file that contains none of its rules' needles is
// never parsed. Keyed by rule name, so a new rule fails to type-check until it has needles here.
import type { RuleName } from '../../rules/index';

export interface Needles {
  /** Matched as written (for words that are too common in other casings, like `PUT`). */
  exact: readonly string[];
  /** Matched case-insensitively; written in lower case. */
  anyCase: readonly string[];
  /**
   * When set, a file that matches `exact`/`anyCase` must also contain one of these (any case,
   * lower case here): for needles like `PUT` that are common alone and rare with their context.
   */
  alsoAnyCase?: readonly string[];
}

export const ruleNeedles: Record<RuleName, Needles> = {
  'no-legacy-signature': {
    exact: ["'AWS ", '"AWS ', '`AWS ', "'aws'", '"aws"'],
    anyCase: ['aws3', 'x-amzn-authorization', 'signatureversion', 'awsaccesskeyid', 'aws-sign2', 'knox', 'signerconstructor', 'sign_version', 'aws:'],
  },
  'require-sigv4-presign': {
    exact: [],
    anyCase: ['getsignedurl', 'x-amz-expires', 'signatureversion'],
  },
  'sorted-canonical-query': {
    exact: [],
    // `aws4` covers AWS4-HMAC-SHA256, aws4_request and the 'AWS4' + secret key derivation; the rest
    // are the names the rule recognises a marker-less canonical request by (CANONICAL_REQUEST_HINT).
    anyCase: ['aws4', 'signedheaders', 'signed_headers', 'canonicalheaders', 'canonical_headers'],
  },
  'presigned-put-content-type': {
    exact: ['PUT', '.put(', "'put'", '"put"', '`put`'],
    anyCase: [],
    // The URL must visibly come from a presign or carry a presigned-URL name (signedUrl, uploadUrl…).
    alsoAnyCase: ['signed', 'presign', 'uploadur', 'upload_ur', 'upload-ur', 'putur', 'put_ur', 'put-ur'],
  },
};

function matches(needles: Needles, text: string, lower: () => string): boolean {
  const found = needles.exact.some((needle) => text.includes(needle)) || needles.anyCase.some((needle) => lower().includes(needle));
  return found && (!needles.alsoAnyCase || needles.alsoAnyCase.some((needle) => lower().includes(needle)));
}

/** Decides cheaply whether a file can hold a finding of any of `needles`. */
export function createPrefilter(needles: readonly Needles[]): (text: string) => boolean {
  return (text) => {
    let lowered: string | undefined;
    // Lower-cased once per file, and only when a case-insensitive needle is asked about.
    const lower = () => (lowered ??= text.toLowerCase());
    return needles.some((entry) => matches(entry, text, lower));
  };
}
