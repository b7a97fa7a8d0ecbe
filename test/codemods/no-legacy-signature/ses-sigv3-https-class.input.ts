// Alert mail for the ops console: a small SES client that signs its own requests.
import { createHmac } from 'node:crypto';
import https from 'node:https';

const DEFAULT_HOST = 'email.eu-west-1.amazonaws.com';
const SIGNATURE_HEADER = 'X-Amzn-Authorization';

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

export class AlertMailer {
  private readonly hostname: string;

  constructor(private readonly keys: Keys, hostname?: string) {
    this.hostname = hostname ?? DEFAULT_HOST;
  }

  private hmac(text: string): string {
    return createHmac('sha256', this.keys.secretAccessKey).update(text).digest('base64');
  }

  private authHeader(now: string): string {
    return `AWS3-HTTPS AWSAccessKeyId=${this.keys.accessKeyId}, Algorithm=HmacSHA256, Signature=${this.hmac(now)}`;
  }

  private form(to: string, text: string): string {
    return new URLSearchParams({ Action: 'SendEmail', Source: 'ops@example.com', 'Destination.ToAddresses.member.1': to, 'Message.Subject.Data': 'Alert', 'Message.Body.Text.Data': text }).toString();
  }

  send(to: string, text: string): Promise<number> {
    const payload = this.form(to, text);
    const now = new Date().toUTCString();
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': Buffer.byteLength(payload),
      Date: now,
      [SIGNATURE_HEADER]: this.authHeader(now),
    };
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
