// The body is computed inside the fetch call, and the client sits in a class.
import { signRequest } from 'sigv4-migrate/sigv4';

export class Mailer {
  constructor(private readonly region: string, private readonly accessKeyId: string, private readonly secretAccessKey: string) {}

  async send(params: Record<string, string>): Promise<boolean> {
    const region = this.region;
    const body = new URLSearchParams(params).toString();
    const signed = signRequest({
      method: 'POST',
      url: `https://email.${region}.amazonaws.com/`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    }, { service: 'ses', region, credentials: { accessKeyId: this.accessKeyId, secretAccessKey: this.secretAccessKey } });
    const response = await fetch(signed.url, {
      method: 'POST',
      headers: signed.headers,
      body,
      keepalive: true,
    });
    return response.ok;
  }
}
