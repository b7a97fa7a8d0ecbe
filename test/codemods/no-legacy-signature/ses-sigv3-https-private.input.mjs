// A mailer whose signing steps are private methods: nothing outside the class reaches them.
import { createHmac } from 'node:crypto';
import { request } from 'node:https';

const ENDPOINT_HOST = 'email.us-west-2.amazonaws.com';

export class Mailer {
  constructor(key, secret) {
    this.key = key;
    this.secret = secret;
  }

  #signature(date) {
    return createHmac('sha256', this.secret).update(date).digest('base64');
  }

  send(form) {
    const body = form.toString();
    const date = new Date().toUTCString();
    const headers = {
      'Content-Type': 'application/x-www-form-urlencoded',
      Date: date,
      'X-Amzn-Authorization': `AWS3-HTTPS AWSAccessKeyId=${this.key},Algorithm=HmacSHA256,Signature=${this.#signature(date)}`,
    };
    return new Promise((resolve, reject) => {
      const req = request({ host: ENDPOINT_HOST, method: 'POST', path: '/', headers }, (res) => resolve(res.statusCode));
      req.on('error', reject);
      req.end(body);
    });
  }
}
