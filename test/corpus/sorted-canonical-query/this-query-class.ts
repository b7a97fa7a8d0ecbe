// A request signer class for the internal SDK-less client of our Timestream/CloudWatch exporters.
import { createHash, createHmac } from 'crypto';

export interface SignerInit {
  method: string;
  host: string;
  path: string;
  params?: Record<string, string | number>;
  body?: string;
  region: string;
  service: string;
}

export class RequestSigner {
  private readonly query: string;
  private readonly amzDate: string;

  constructor(private readonly init: SignerInit) {
    this.amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
    this.query = this.buildQuery(init.params ?? {});
  }

  private buildQuery(params: Record<string, string | number>): string {
    const pairs = Object.entries(params).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`); // expect: sorted-canonical-query
    return pairs.join('&'); // expect: sorted-canonical-query
  }

  private hash(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }

  private canonicalRequest(): string {
    const headers = `host:${this.init.host}\nx-amz-date:${this.amzDate}\n`;
    return [this.init.method, this.init.path, this.query, headers, 'host;x-amz-date', this.hash(this.init.body ?? '')].join('\n');
  }

  private scope(): string {
    return `${this.amzDate.slice(0, 8)}/${this.init.region}/${this.init.service}/aws4_request`;
  }

  sign(accessKeyId: string, secretAccessKey: string): Record<string, string> {
    const day = this.amzDate.slice(0, 8);
    const toSign = ['AWS4-HMAC-SHA256', this.amzDate, this.scope(), this.hash(this.canonicalRequest())].join('\n');
    let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(day).digest();
    for (const part of [this.init.region, this.init.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    return {
      host: this.init.host,
      'x-amz-date': this.amzDate,
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${this.scope()}, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    };
  }

  url(): string {
    return `https://${this.init.host}${this.init.path}${this.query ? `?${this.query}` : ''}`;
  }
}
