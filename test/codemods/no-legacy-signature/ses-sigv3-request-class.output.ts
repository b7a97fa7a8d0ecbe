// Alert mail through SES: the credentials live on the instance, the SigV3 header is joined from parts.
import request from 'request';
import { signRequest } from 'sigv4-migrate/sigv4';

const region = 'eu-central-1';

export class AlertMailer {
  constructor(private readonly accessKeyId: string, private readonly secretAccessKey: string) {}

  private headers(body: string): Record<string, string> {
    return signRequest({
      method: 'POST',
      url: `https://email.${region}.amazonaws.com/`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body
    }, { service: 'ses', region, credentials: { accessKeyId: this.accessKeyId, secretAccessKey: this.secretAccessKey } }).headers;
  }

  send(to: string, text: string, done: (error: Error | null) => void): void {
    const body = new URLSearchParams({ Action: 'SendEmail', 'Destination.ToAddresses.member.1': to, 'Message.Body.Text.Data': text }).toString();
    request.post({ url: `https://email.${region}.amazonaws.com/`, headers: this.headers(body), body }, (error: Error | null) => done(error));
  }
}
