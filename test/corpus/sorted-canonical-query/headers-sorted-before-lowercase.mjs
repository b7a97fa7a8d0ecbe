// src/route53/sign.mjs: signs Route 53 API calls for the DNS updater without the SDK (keeps the Lambda small).
import { createHash, createHmac } from 'node:crypto';

const SERVICE = 'route53';
const REGION = 'us-east-1';
const HOST = 'route53.amazonaws.com';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

function amzDates(now = new Date()) {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  return { amzDate, dateStamp: amzDate.slice(0, 8) };
}

export function signRoute53Request({ method, path, body = '', headers = {} }, credentials) {
  const { amzDate, dateStamp } = amzDates();
  const allHeaders = {
    ...headers,
    Host: HOST,
    'Content-Type': 'text/xml',
    'X-Amz-Date': amzDate,
    'x-amz-content-sha256': sha256(body),
  };
  if (credentials.sessionToken) allHeaders['X-Amz-Security-Token'] = credentials.sessionToken;

  const headerNames = Object.keys(allHeaders).sort().map((name) => name.toLowerCase()); // expect: sorted-canonical-query
  const signedHeaders = headerNames.join(';');
  const canonicalHeaders = headerNames
    .map((lower) => `${lower}:${String(allHeaders[Object.keys(allHeaders).find((name) => name.toLowerCase() === lower)]).trim()}\n`)
    .join('');

  const canonicalRequest = [method, path, '', canonicalHeaders, signedHeaders, sha256(body)].join('\n');
  const scope = `${dateStamp}/${REGION}/${SERVICE}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');

  let key = hmac(`AWS4${credentials.secretAccessKey}`, dateStamp);
  for (const part of [REGION, SERVICE, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');

  return {
    ...allHeaders,
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
