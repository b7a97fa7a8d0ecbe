// Alert mail through SES: the credentials live on the instance, the SigV3 header is joined from parts.
import { createHmac } from 'node:crypto';
import request from 'request';

const region = 'eu-central-1';

export class AlertMailer {
  constructor(private readonly accessKeyId: string, private readonly secretAccessKey: string) {}

  private sign(date: string): string {
    return createHmac('sha256', this.secretAccessKey).update(date).digest('base64');
  }

  private headers(body: string): Record<string, string> {
    const date = new Date().toUTCString();
    const authorization = ['AWS3-HTTPS AWSAccessKeyId=' + this.accessKeyId, 'Algorithm=HmacSHA256', `Signature=${this.sign(date)}`].join(', ');
    return {
      'Content-Type': 'application/x-www-form-urlencoded',
      Date: date,
      'X-Amzn-Authorization': authorization,
    };
  }

  send(to: string, text: string, done: (error: Error | null) => void): void {
    const body = new URLSearchParams({ Action: 'SendEmail', 'Destination.ToAddresses.member.1': to, 'Message.Body.Text.Data': text }).toString();
    request.post({ url: `https://email.${region}.amazonaws.com/`, headers: this.headers(body), body }, (error: Error | null) => done(error));
  }
}
