// A case-insensitive comparator of two names is replaced by a code-point comparison in place.
const encode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function canonicalRequest(params: Record<string, string>, headers: string, signedHeaders: string, hash: string): string {
  const names = Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const query = names.map((name) => `${encode(name)}=${encode(params[name] ?? '')}`).join('&');
  return ['GET', '/', query, headers, signedHeaders, hash].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
