// Calls API Gateway endpoints protected by IAM auth from the admin CLI.
import { createHash, createHmac } from 'node:crypto';

type Pair = [string, string];

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const byName = (a: Pair, b: Pair): number => a[0].localeCompare(b[0]);

function strictEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(params: Record<string, string>): string {
  const pairs: Pair[] = Object.entries(params).map(([k, v]) => [strictEncode(k), strictEncode(v)]);
  pairs.sort(byName); // expect: sorted-canonical-query
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const hex = (data: string) => createHash('sha256').update(data).digest('hex');
const mac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

export async function callApi(
  url: URL,
  method: 'GET' | 'DELETE',
  params: Record<string, string>,
  credentials: Credentials,
  region = 'us-east-1',
): Promise<unknown> {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/execute-api/aws4_request`;
  const query = canonicalQuery(params);
  const headers: Record<string, string> = { host: url.host, 'x-amz-date': amzDate };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [method, url.pathname, query, canonicalHeaders, signedHeaders, hex('')].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hex(canonicalRequest)].join('\n');
  const key = mac(mac(mac(mac(`AWS4${credentials.secretAccessKey}`, day), region), 'execute-api'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  const response = await fetch(`${url.origin}${url.pathname}?${query}`, {
    method,
    headers: {
      ...headers,
      Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
  });
  if (!response.ok) throw new Error(`${method} ${url.pathname} failed: ${response.status} ${await response.text()}`);
  return response.json();
}
