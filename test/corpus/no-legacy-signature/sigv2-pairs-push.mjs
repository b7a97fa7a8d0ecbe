// lib/aws/query-client.mjs: generic AWS Query API client (SQS, SNS, CloudWatch) from the 2014 codebase,
// ported to ESM in 2022 without touching the signing.
import { createHmac } from 'node:crypto';

const rfc3986 = (value) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

export class QueryClient {
  constructor({ host, apiVersion, accessKeyId, secretAccessKey, algorithm = 'HmacSHA256' }) {
    this.host = host;
    this.API_VERSION = apiVersion;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.algorythm = algorithm;
  }

  sign(kvs) {
    const query = kvs
      .slice()
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
      .join('&');
    const hash = this.algorythm === 'HmacSHA1' ? 'sha1' : 'sha256';
    const signature = createHmac(hash, this.secretAccessKey).update(`POST\n${this.host}\n/\n${query}`).digest('base64');
    return `${query}&Signature=${rfc3986(signature)}`;
  }

  async call(action, params = {}) {
    const kvs = Object.entries(params).map(([k, v]) => [k, String(v)]);
    kvs.push(['Action', action]);
    kvs.push(['Version', this.API_VERSION]);
    kvs.push(['SignatureVersion', '2']); // expect: no-legacy-signature
    kvs.push(['SignatureMethod', this.algorythm]);
    kvs.push(['Timestamp', new Date().toISOString()]);
    kvs.push(['AWSAccessKeyId', this.accessKeyId]);
    const res = await fetch(`https://${this.host}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: this.sign(kvs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${action} failed (${res.status}): ${text.slice(0, 200)}`);
    return text;
  }
}

export function cloudWatch(credentials, region = 'us-east-1') {
  return new QueryClient({ host: `monitoring.${region}.amazonaws.com`, apiVersion: '2010-08-01', ...credentials });
}
