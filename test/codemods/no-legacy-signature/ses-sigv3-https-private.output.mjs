// A mailer whose signing steps are private methods: nothing outside the class reaches them.
import { request } from 'node:https';
import { signRequest } from 'sigv4-migrate/sigv4';

const ENDPOINT_HOST = 'email.us-west-2.amazonaws.com';

export class Mailer {
  constructor(key, secret) {
    this.key = key;
    this.secret = secret;
  }

  send(form) {
    const body = form.toString();
    const headers = signRequest({
      method: 'POST',
      url: `https://${ENDPOINT_HOST}/`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body
    }, { service: 'ses', region: 'us-west-2', credentials: { accessKeyId: this.key, secretAccessKey: this.secret } }).headers;
    return new Promise((resolve, reject) => {
      const req = request({ host: ENDPOINT_HOST, method: 'POST', path: '/', headers }, (res) => resolve(res.statusCode));
      req.on('error', reject);
      req.end(body);
    });
  }
}
