// Federation token broker: hands short-lived credentials to the desktop uploader.
import { createHmac } from 'crypto';
import axios from 'axios';

interface BrokerOptions {
  accessKeyId: string;
  secretAccessKey: string;
  endpoint?: string;
}

type Query = Record<string, string>;

function percent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export class TokenBroker {
  private readonly endpoint: URL;

  constructor(private readonly options: BrokerOptions) {
    this.endpoint = new URL(options.endpoint ?? 'https://sts.amazonaws.com/');
  }

  private sign(q: Query): string {
    const canonical = Object.keys(q)
      .sort()
      .map((k) => `${percent(k)}=${percent(q[k] ?? '')}`)
      .join('&');
    const toSign = ['GET', this.endpoint.host, this.endpoint.pathname, canonical].join('\n');
    return createHmac('sha1', this.options.secretAccessKey).update(toSign).digest('base64');
  }

  private query(action: string, extra: Query): Query {
    const q: Query = { ...extra };
    q['Action'] = action;
    q['Version'] = '2011-06-15';
    q['AWSAccessKeyId'] = this.options.accessKeyId;
    q['Timestamp'] = new Date().toISOString();
    q['SignatureMethod'] = 'HmacSHA1';
    q['SignatureVersion'] = '2'; // expect: no-legacy-signature
    q['Signature'] = this.sign(q);
    return q;
  }

  async federationToken(user: string, policy: object, durationSeconds = 3600): Promise<Record<string, string>> {
    const params = this.query('GetFederationToken', {
      Name: user.slice(0, 32),
      Policy: JSON.stringify(policy),
      DurationSeconds: String(durationSeconds),
    });
    const res = await axios.get<string>(this.endpoint.toString(), { params, responseType: 'text' });
    const pick = (tag: string) => new RegExp(`<${tag}>(.*?)</${tag}>`).exec(res.data)?.[1] ?? '';
    return {
      accessKeyId: pick('AccessKeyId'),
      secretAccessKey: pick('SecretAccessKey'),
      sessionToken: pick('SessionToken'),
      expiration: pick('Expiration'),
    };
  }
}

export default TokenBroker;
