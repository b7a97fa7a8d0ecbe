// TypeScript `import x = require()` of the helper: the call goes through that binding.
import sigv4 = require('sigv4-migrate/sigv4');

export function canonicalRequest(host: string, params: Record<string, string>, payloadHash: string): string {
  return ['GET', '/', new URLSearchParams(params).toString(), `host:${host}\n`, 'host', payloadHash].join('\n');
}

export const sign: typeof sigv4.signRequest = sigv4.signRequest;
export const ALGORITHM = 'AWS4-HMAC-SHA256';
