// Issues federation tokens to the desktop uploader: STS's Query API, signed by hand since 2015.
// The host defaults to STS's global endpoint; regional endpoints come in through the options.
import { regionFromHost, canonicalQueryString, presignUrl } from 'sigv4-migrate/sigv4';

const STS_HOST = 'sts.amazonaws.com';

export interface BrokerOptions {
  accessKeyId: string;
  secretAccessKey: string;
  host?: string;
}

export class FederationBroker {
  private readonly host: string;

  constructor(private readonly options: BrokerOptions) {
    this.host = options.host ?? STS_HOST;
  }

  tokenParams(name: string, policy: object): URLSearchParams {
    const params = new URLSearchParams();
    params.set('Action', 'GetFederationToken');
    params.set('Name', name);
    params.set('Policy', JSON.stringify(policy));
    params.set('Version', '2011-06-15');
    new URL(presignUrl({ method: 'GET', url: `https://${this.host}/?${canonicalQueryString(params)}` }, { service: 'sts', region: regionFromHost(this.host), credentials: { accessKeyId: this.options.accessKeyId, secretAccessKey: this.options.secretAccessKey }, expiresIn: 900 }).url).searchParams.forEach((paramValue, paramName) => {
      if (paramName.startsWith('X-Amz-')) params.set(paramName, paramValue);
    });
    return params;
  }

  async federationToken(name: string, policy: object): Promise<string> {
    const response = await fetch(`https://${this.host}/?${this.tokenParams(name, policy)}`);
    return response.text();
  }
}
