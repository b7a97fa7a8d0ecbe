// apiClient.ts: fetch wrapper for an IAM-authorised API Gateway, signing requests with SigV4 by hand
// (edge runtime, so no node:crypto: WebCrypto only).
const encoder = new TextEncoder();

interface SigningOptions {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  service?: string;
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(message: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(message)));
}

async function hmac(key: ArrayBuffer | Uint8Array, message: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
}

export async function signedFetch(input: string, init: RequestInit & { body?: string }, options: SigningOptions): Promise<Response> {
  const url = new URL(input);
  const method = (init.method ?? 'GET').toUpperCase();
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const dateStamp = amzDate.slice(0, 8);
  const service = options.service ?? 'execute-api';

  const headers: Record<string, string> = { host: url.host, 'x-amz-date': amzDate };
  if (options.sessionToken) headers['x-amz-security-token'] = options.sessionToken;
  for (const [name, value] of Object.entries((init.headers as Record<string, string> | undefined) ?? {})) {
    headers[name.toLowerCase()] = value.trim();
  }

  // Lower-cased, then sorted: but by locale, not by code point.
  const names = Object.keys(headers).sort((a, b) => a.localeCompare(b)); // expect: sorted-canonical-query
  const canonicalHeaders = names.map((name) => `${name}:${headers[name]}\n`).join('');
  const signedHeaders = names.join(';');
  const payloadHash = await sha256Hex(init.body ?? '');

  const canonicalRequest = [
    method,
    url.pathname,
    url.searchParams.toString(), // expect: sorted-canonical-query
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');

  const scope = `${dateStamp}/${options.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');

  let key = await hmac(encoder.encode(`AWS4${options.secretAccessKey}`), dateStamp);
  for (const part of [options.region, service, 'aws4_request']) key = await hmac(key, part);
  const signature = toHex(await hmac(key, stringToSign));

  return fetch(url, {
    ...init,
    headers: {
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
  });
}
