// A TypeScript SES client whose headers() never sees the body: the request is signed where it is sent.
import { signRequest } from 'sigv4-migrate/sigv4';

const SES_ENDPOINT = 'https://email.ap-southeast-2.amazonaws.com/';

export class Notifier {
  constructor(private readonly accessKeyId: string, private readonly secretAccessKey: string) {}

  headers(): Record<string, string> {
    return {
      'Content-Type': 'application/x-www-form-urlencoded',
    };
  }

  async notify(to: string, text: string): Promise<number> {
    const body = new URLSearchParams({ Action: 'SendEmail', 'Destination.ToAddresses.member.1': to, 'Message.Body.Text.Data': text }).toString();
    const signed = signRequest({
      method: 'POST',
      url: SES_ENDPOINT,
      headers: this.headers(),
      body
    }, { service: 'ses', region: 'ap-southeast-2', credentials: { accessKeyId: this.accessKeyId, secretAccessKey: this.secretAccessKey } });
    const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body });
    return response.status;
  }
}
