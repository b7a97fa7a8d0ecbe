// querystring.stringify in the canonical request, and again for the form body: the import stays.
import qs from 'node:querystring';

export function canonicalRequest(method, params, canonicalHeaders, signedHeaders, payloadHash) {
  return [method, '/', qs.stringify(params), canonicalHeaders, signedHeaders, payloadHash].join('\n');
}

export function formBody(fields) {
  return qs.stringify(fields);
}
