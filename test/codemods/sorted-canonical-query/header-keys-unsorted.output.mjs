import { createHash } from 'node:crypto';

const sha256 = (body) => createHash('sha256').update(body).digest('hex');

export function canonicalRequest(method, path, headers, body) {
  const lines = Object.keys(headers).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)).map((name) => `${name.toLowerCase()}:${headers[name].trim()}\n`);
  const canonicalHeaders = lines.join('');
  const signedHeaders = Object.keys(headers).map((name) => name.toLowerCase()).sort().join(';');
  return [method, path, '', canonicalHeaders, signedHeaders, sha256(body)].join('\n');
}
