// querystring.stringify in the canonical request, and again for the form body: the import stays.
import qs from 'node:querystring';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';

export function canonicalRequest(method, params, canonicalHeaders, signedHeaders, payloadHash) {
  return [method, '/', canonicalQueryString(params), canonicalHeaders, signedHeaders, payloadHash].join('\n');
}

export function formBody(fields) {
  return qs.stringify(fields);
}
