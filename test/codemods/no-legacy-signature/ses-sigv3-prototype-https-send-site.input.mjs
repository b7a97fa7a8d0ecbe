// A prototype mailer whose headers() never sees the body, sending with node:https: signed at the request.
import { request } from 'node:https';
import { createHmac } from 'node:crypto';

const SES_HOST = 'email.eu-central-1.amazonaws.com';

export default function Postman(key, secret) {
  this.key = key;
  this.secret = secret;
}

Postman.prototype.headers = function () {
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const date = new Date().toUTCString();
  headers['X-Amz-Date'] = date;
  headers['X-Amzn-Authorization'] = 'AWS3-HTTPS AWSAccessKeyId=' + this.key + ',Algorithm=HmacSHA256,Signature=' + createHmac('sha256', this.secret).update(date).digest('base64');
  return headers;
};

Postman.prototype.deliver = function (params, done) {
  const payload = new URLSearchParams(params).toString();
  const req = request({ host: SES_HOST, path: '/', method: 'POST', headers: this.headers() }, (res) => done(null, res.statusCode));
  req.on('error', done);
  req.end(payload);
};
