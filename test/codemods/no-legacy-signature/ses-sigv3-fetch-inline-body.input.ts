// The body is computed inside the fetch call, and the client sits in a class.
import * as crypto from 'node:crypto';

export class Mailer {
  constructor(private readonly region: string, private readonly accessKeyId: string, private readonly secretAccessKey: string) {}

  async send(params: Record<string, string>): Promise<boolean> {
    const region = this.region;
    const date = new Date().toUTCString();
    const signature = crypto.createHmac('sha256', this.secretAccessKey).update(date).digest('base64');
    const response = await fetch(`https://email.${region}.amazonaws.com/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Date: date,
        'X-Amzn-Authorization': `AWS3-HTTPS AWSAccessKeyId=${this.accessKeyId},Algorithm=HmacSHA256,Signature=${signature}`,
      },
      body: new URLSearchParams(params).toString(),
      keepalive: true,
    });
    return response.ok;
  }
}
