// CloudSearch configuration client (2013-01-01 API): SigV2-signed GET URLs for the region the
// caller names, built into the host it passes.
import { createHmac } from 'node:crypto';

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const rfc3986 = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signedUrl(host: string, action: string, credentials: Credentials): string {
  const params: Record<string, string> = {
    Action: action,
    Version: '2013-01-01',
    AWSAccessKeyId: credentials.accessKeyId,
    SignatureMethod: 'HmacSHA256',
    SignatureVersion: '2',
    Timestamp: new Date().toISOString(),
  };
  const query = Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name]!)}`)
    .join('&');
  const signature = createHmac('sha256', credentials.secretAccessKey).update(`GET\n${host}\n/\n${query}`).digest('base64');
  return `https://${host}/?${query}&Signature=${rfc3986(signature)}`;
}

export async function listDomainNames(region: string, credentials: Credentials): Promise<string> {
  const host = `cloudsearch.${region}.amazonaws.com`;
  const response = await fetch(signedUrl(host, 'ListDomainNames', credentials));
  return response.text();
}
