// stsClient.ts: calls the STS and IAM Query APIs from a CLI tool without the SDK; parameters arrive
// as a plain object and are signed into the query string (GET) as the Query API allows.
import { createHash, createHmac } from 'node:crypto';
import * as qs from 'node:querystring';

type QueryParams = Record<string, string>;

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** encodeURIComponent plus the characters RFC 3986 reserves (copied from a gist, hex left as is). */
export function fixedEncodeURIComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16)); // expect: sorted-canonical-query
}

// "Sort the parameter names", case-insensitively so that `maxItems` and `MaxItems` sit together.
const byParameterName = (left: string, right: string): number =>
  left.toLowerCase() < right.toLowerCase() ? -1 : left.toLowerCase() > right.toLowerCase() ? 1 : 0;

function buildCanonicalQuery(params: QueryParams): string {
  return Object.keys(params)
    .sort(byParameterName) // expect: sorted-canonical-query
    .map((name) => `${fixedEncodeURIComponent(name)}=${fixedEncodeURIComponent(params[name] ?? '')}`)
    .join('&');
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();

export async function callQueryApi(service: 'sts' | 'iam', params: QueryParams, credentials: AwsCredentials): Promise<string> {
  const host = service === 'iam' ? 'iam.amazonaws.com' : 'sts.amazonaws.com';
  const region = 'us-east-1';
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const dateStamp = amzDate.slice(0, 8);

  const canonicalQuery = buildCanonicalQuery(params);
  const canonicalHeaders = `host:${host}\nx-amz-date:${amzDate}\n`;
  const signedHeaders = 'host;x-amz-date';
  const canonicalRequest = `GET\n/\n${canonicalQuery}\n${canonicalHeaders}\n${signedHeaders}\n${sha256('')}`;

  const scope = `${dateStamp}/${region}/${service}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonicalRequest)}`;
  let key = hmac(`AWS4${credentials.secretAccessKey}`, dateStamp);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');

  const response = await fetch(`https://${host}/?${canonicalQuery}`, {
    headers: {
      'x-amz-date': amzDate,
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
  });
  return response.text();
}

/** Debug helper: the parameters as a form body, for pasting into the AWS console's API explorer. */
export function toFormBody(params: QueryParams): string {
  return qs.stringify(params);
}
