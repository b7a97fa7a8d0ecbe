// Alert mail for the ops console: a small SES client that signs its own requests.
import https from 'node:https';
import { signRequest } from 'sigv4-migrate/sigv4';

const DEFAULT_HOST = 'email.eu-west-1.amazonaws.com';

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

export class AlertMailer {
  private readonly hostname: string;

  constructor(private readonly keys: Keys, hostname?: string) {
    this.hostname = hostname ?? DEFAULT_HOST;
  }

  private form(to: string, text: string): string {
    return new URLSearchParams({ Action: 'SendEmail', Source: 'ops@example.com', 'Destination.ToAddresses.member.1': to, 'Message.Subject.Data': 'Alert', 'Message.Body.Text.Data': text }).toString();
  }

  send(to: string, text: string): Promise<number> {
    const payload = this.form(to, text);
    const headers: Record<string, string | number> = signRequest({
      method: 'POST',
      url: `https://${this.hostname}/`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(payload)) },
      body: payload
    }, { service: 'ses', region: /\bemail(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com\b/.exec(this.hostname)?.[1] ?? 'eu-west-1', credentials: { accessKeyId: this.keys.accessKeyId, secretAccessKey: this.keys.secretAccessKey } }).headers;
    return new Promise((resolve, reject) => {
      const req = https.request({ hostname: this.hostname, path: '/', method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}
