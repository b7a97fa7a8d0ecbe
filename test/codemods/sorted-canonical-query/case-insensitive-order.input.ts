// A case-insensitive comparator has no one-line code-point equivalent the rule offers: the query line is wrapped.
const encode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function canonicalRequest(params: Record<string, string>, headers: string, signedHeaders: string, hash: string): string {
  const names = Object.keys(params).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const query = names.map((name) => `${encode(name)}=${encode(params[name] ?? '')}`).join('&');
  return ['GET', '/', query, headers, signedHeaders, hash].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
