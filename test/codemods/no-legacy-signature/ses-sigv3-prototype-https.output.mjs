// An SES mailer as a constructor function with prototype methods, sending with node:https: the
// HMAC sits in a sign() method of its own and the host can be overridden.
import https from 'node:https';
import crypto from 'node:crypto';
import { signRequest } from 'sigv4-migrate/sigv4';

const SES_HOST = 'email.us-west-2.amazonaws.com';

export function SesClient(options) {
  this.key = options.key;
  this.secret = options.secret;
  this.host = options.host || SES_HOST;
}

SesClient.prototype.sign = function (date) {
  const hmac = crypto.createHmac('sha256', this.secret);
  return hmac.update(date).digest('base64');
};

SesClient.prototype.headers = function (body) {
  return signRequest({
    method: 'POST',
    url: `https://${this.host}/`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) },
    body
  }, { service: 'ses', region: /\bemail(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com\b/.exec(this.host)?.[1] ?? 'us-west-2', credentials: { accessKeyId: this.key, secretAccessKey: this.secret } }).headers;
};

SesClient.prototype.send = function (params, callback) {
  const body = new URLSearchParams(params).toString();
  const req = https.request({ host: this.host, path: '/', method: 'POST', headers: this.headers(body) }, (res) => {
    res.resume();
    res.on('end', () => callback(null, res.statusCode));
  });
  req.on('error', callback);
  req.end(body);
};
