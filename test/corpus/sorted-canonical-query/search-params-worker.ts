// src/aws/sign.ts: SigV4 for a Cloudflare Worker that proxies to an API Gateway endpoint (no Node crypto).
export interface SignatureV4Input {
  method: string;
  url: string;
  region: string;
  service: string;
  body: string;
  headers?: Record<string, string>;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(data: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(data)));
}

async function hmac(key: ArrayBuffer | Uint8Array, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data));
}

function formatDate(date: Date): { dateStamp: string; amzDate: string } {
  const iso = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return { dateStamp: iso.slice(0, 8), amzDate: iso };
}

export async function signRequest(input: SignatureV4Input): Promise<{ url: string; headers: Record<string, string> }> {
  const url = new URL(input.url);
  const { dateStamp, amzDate } = formatDate(new Date());
  const headers: Record<string, string> = { host: url.host, 'x-amz-date': amzDate };
  if (input.sessionToken) headers['x-amz-security-token'] = input.sessionToken;

  const names = Object.keys(headers).sort();
  const canonicalRequest = [
    input.method,
    url.pathname,
    url.searchParams.toString(), // expect: sorted-canonical-query
    names.map((name) => `${name}:${headers[name]}\n`).join(''),
    names.join(';'),
    await sha256Hex(input.body),
  ].join('\n');

  const scope = `${dateStamp}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');
  let key: ArrayBuffer = encoder.encode(`AWS4${input.secretAccessKey}`).buffer as ArrayBuffer;
  for (const part of [dateStamp, input.region, input.service, 'aws4_request']) key = await hmac(key, part);
  const signature = toHex(await hmac(key, stringToSign));

  return {
    url: url.toString(),
    headers: {
      ...input.headers,
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    },
  };
}
