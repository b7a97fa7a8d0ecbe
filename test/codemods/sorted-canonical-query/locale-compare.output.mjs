// Sorted, but with locale collation: the rule's code-point comparator replaces it.
const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

export function canonicalRequest(params, canonicalHeaders, signedHeaders, payloadHash) {
  const query = Object.keys(params)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`)
    .join('&');
  return ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
