// Transactional mail for the billing service: a thin SES client kept from before the SDK migration.
import { createHmac } from 'node:crypto';
import { request } from 'node:https';

const SES_ENDPOINT = 'email.us-east-1.amazonaws.com';
const AUTH_SCHEME = 'AWS3-HTTPS';
const AUTH_ALGORITHM = 'HmacSHA256';
const AUTH_HEADER = 'X-Amzn-Authorization'; // expect: no-legacy-signature

export interface MailerCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface OutgoingMail {
  from: string;
  to: string[];
  subject: string;
  html: string;
}

export class BillingMailer {
  private readonly host: string;

  constructor(private readonly credentials: MailerCredentials, host?: string) {
    this.host = host ?? SES_ENDPOINT;
  }

  private signDate(date: string): string {
    return createHmac('sha256', this.credentials.secretAccessKey).update(date).digest('base64');
  }

  private authorization(date: string): string {
    return `${AUTH_SCHEME} AWSAccessKeyId=${this.credentials.accessKeyId},Algorithm=${AUTH_ALGORITHM},Signature=${this.signDate(date)}`; // expect: no-legacy-signature
  }

  private encode(mail: OutgoingMail): string {
    const form = new URLSearchParams({ Action: 'SendEmail', Source: mail.from });
    mail.to.forEach((address, index) => form.append(`Destination.ToAddresses.member.${index + 1}`, address));
    form.append('Message.Subject.Data', mail.subject);
    form.append('Message.Body.Html.Data', mail.html);
    return form.toString();
  }

  send(mail: OutgoingMail): Promise<string> {
    const body = this.encode(mail);
    const date = new Date().toUTCString();
    const headers: Record<string, string | number> = {
      Date: date,
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': Buffer.byteLength(body),
      [AUTH_HEADER]: this.authorization(date),
    };
    return new Promise((resolve, reject) => {
      const req = request({ host: this.host, method: 'POST', path: '/', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300) {
            reject(new Error(`SES rejected the message (${res.statusCode}): ${text}`));
            return;
          }
          const id = /<MessageId>(.*?)<\/MessageId>/.exec(text);
          resolve(id?.[1] ?? '');
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

export function mailerFromEnv(): BillingMailer {
  const accessKeyId = process.env.SES_ACCESS_KEY_ID;
  const secretAccessKey = process.env.SES_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('SES credentials are not configured');
  return new BillingMailer({ accessKeyId, secretAccessKey }, process.env.SES_HOST);
}
