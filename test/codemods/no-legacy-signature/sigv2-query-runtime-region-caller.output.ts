// CloudSearch configuration client (2013-01-01 API): SigV2-signed GET URLs for the region the
// caller names, built into the host it passes.
import { regionFromHost, presignUrl } from 'sigv4-migrate/sigv4';

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const rfc3986 = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signedUrl(host: string, action: string, credentials: Credentials): string {
  const params: Record<string, string> = {
    Action: action,
    Version: '2013-01-01',
  };
  const query = Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name]!)}`)
    .join('&');
  return presignUrl({ method: 'GET', url: `https://${host}/?${query}` }, { service: 'cloudsearch', region: regionFromHost(host), credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, expiresIn: 900 }).url;
}

export async function listDomainNames(region: string, credentials: Credentials): Promise<string> {
  const host = `cloudsearch.${region}.amazonaws.com`;
  const response = await fetch(signedUrl(host, 'ListDomainNames', credentials));
  return response.text();
}
