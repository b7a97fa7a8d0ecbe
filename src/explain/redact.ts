// Masks anything secret-looking (secret keys, session tokens, signatures) to its first 4 characters, so
// that nothing `explain` prints or returns carries a usable secret.

const KEEP = 4;
const MASK = '…';

// Name/value forms: a header line or JSON/env/INI assignment, and query or Authorization components.
const SECRET_ASSIGNMENTS: RegExp[] = [
  /(x-amz-security-token"?\s*[:=]\s*"?)([^\s"&,]+)/gi,
  /((?:aws_)?secret_?access_?key"?\s*[:=]\s*"?)([^\s"&,]+)/gi,
  /((?:aws_)?session_?token"?\s*[:=]\s*"?)([^\s"&,]+)/gi,
  /((?:X-Amz-)?Signature\s*=\s*)([^\s"&,]+)/gi,
  /(SignatureProvided"?\s*[:=]\s*"?)([^\s"&,<]+)/gi,
];
// A bare 40-character base64 run, the shape of an AWS secret access key.
const SECRET_KEY_SHAPE = /(?<![A-Za-z0-9/+=%])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

export function maskSecret(value: string): string {
  return value.length <= KEEP ? value : value.slice(0, KEEP) + MASK;
}

/** `text` with every secret-looking value cut to its first 4 characters. */
export function redactSecrets(text: string): string {
  let result = text;
  for (const pattern of SECRET_ASSIGNMENTS) result = result.replace(pattern, (_, prefix: string, value: string) => prefix + maskSecret(value));
  return result.replace(SECRET_KEY_SHAPE, (candidate) => (looksLikeSecretKey(candidate) ? maskSecret(candidate) : candidate));
}

function looksLikeSecretKey(candidate: string): boolean {
  return /[A-Z]/.test(candidate) && /[a-z]/.test(candidate) && /[\d/+]/.test(candidate);
}

/** Every string inside `value` (objects and arrays walked) redacted. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item)])) as T;
  }
  return value;
}
