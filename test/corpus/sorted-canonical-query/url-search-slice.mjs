// src/aws/sign-url.mjs: SigV4 signing for fetch() calls to a Lambda function URL (AWS_IAM auth).
import { createHash, createHmac } from 'node:crypto';

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

const rawQuery = (target) => new URL(target).search.slice(1); // expect: sorted-canonical-query

function canonicalHeaderBlock(headers) {
  const names = Object.keys(headers).sort();
  return { block: names.map((n) => `${n}:${headers[n]}\n`).join(''), signed: names.join(';') };
}

export function signFetch(target, init, { accessKeyId, secretAccessKey, sessionToken, region }) {
  const url = new URL(target);
  const method = (init.method ?? 'GET').toUpperCase();
  const body = init.body ?? '';
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const headers = { host: url.host, 'x-amz-content-sha256': sha256Hex(body), 'x-amz-date': amzDate };
  if (sessionToken) headers['x-amz-security-token'] = sessionToken;
  const { block, signed } = canonicalHeaderBlock(headers);
  const query = rawQuery(target);
  const canonicalRequest = [method, url.pathname || '/', query, block, signed, headers['x-amz-content-sha256']].join('\n');
  const scope = `${day}/${region}/lambda/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 'lambda'), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return {
    ...init,
    method,
    headers: {
      ...init.headers,
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signed}, Signature=${signature}`,
    },
  };
}

export async function invokeFunctionUrl(target, payload, credentials) {
  const init = signFetch(target, { method: 'POST', body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }, credentials);
  const res = await fetch(target, init);
  if (!res.ok) throw new Error(`function URL answered ${res.status}: ${await res.text()}`);
  return res.json();
}
