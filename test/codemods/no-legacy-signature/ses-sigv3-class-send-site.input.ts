// A TypeScript SES client whose headers() never sees the body: the request is signed where it is sent.
import { createHmac } from 'node:crypto';

const SES_ENDPOINT = 'https://email.ap-southeast-2.amazonaws.com/';

export class Notifier {
  private readonly date = new Date().toUTCString();

  constructor(private readonly accessKeyId: string, private readonly secretAccessKey: string) {}

  private signature(): string {
    return createHmac('sha256', this.secretAccessKey).update(this.date).digest('base64');
  }

  headers(): Record<string, string> {
    return {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Amz-Date': this.date,
      'X-Amzn-Authorization': `AWS3-HTTPS AWSAccessKeyId=${this.accessKeyId}, Algorithm=HmacSHA256, Signature=${this.signature()}`,
    };
  }

  async notify(to: string, text: string): Promise<number> {
    const body = new URLSearchParams({ Action: 'SendEmail', 'Destination.ToAddresses.member.1': to, 'Message.Body.Text.Data': text }).toString();
    const response = await fetch(SES_ENDPOINT, { method: 'POST', headers: this.headers(), body });
    return response.status;
  }
}
