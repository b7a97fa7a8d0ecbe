// Issues federation tokens to the desktop uploader: STS's Query API, signed by hand since 2015.
// The host defaults to STS's global endpoint; regional endpoints come in through the options.
import { createHmac } from 'node:crypto';

const STS_HOST = 'sts.amazonaws.com';

export interface BrokerOptions {
  accessKeyId: string;
  secretAccessKey: string;
  host?: string;
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export class FederationBroker {
  private readonly host: string;

  constructor(private readonly options: BrokerOptions) {
    this.host = options.host ?? STS_HOST;
  }

  private signature(params: URLSearchParams): string {
    const sorted = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const canonical = sorted.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
    return createHmac('sha256', this.options.secretAccessKey).update(`GET\n${this.host}\n/\n${canonical}`).digest('base64');
  }

  tokenParams(name: string, policy: object): URLSearchParams {
    const params = new URLSearchParams();
    params.set('Action', 'GetFederationToken');
    params.set('Name', name);
    params.set('Policy', JSON.stringify(policy));
    params.set('Version', '2011-06-15');
    params.set('AWSAccessKeyId', this.options.accessKeyId);
    params.set('SignatureMethod', 'HmacSHA256');
    params.set('SignatureVersion', '2');
    params.set('Timestamp', new Date().toISOString());
    params.set('Signature', this.signature(params));
    return params;
  }

  async federationToken(name: string, policy: object): Promise<string> {
    const response = await fetch(`https://${this.host}/?${this.tokenParams(name, policy)}`);
    return response.text();
  }
}
