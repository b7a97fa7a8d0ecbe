// A prototype mailer whose headers() never sees the body, sending with node:https: signed at the request.
import { request } from 'node:https';
import { signRequest } from 'sigv4-migrate/sigv4';

const SES_HOST = 'email.eu-central-1.amazonaws.com';

export default function Postman(key, secret) {
  this.key = key;
  this.secret = secret;
}

Postman.prototype.headers = function () {
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  return headers;
};

Postman.prototype.deliver = function (params, done) {
  const payload = new URLSearchParams(params).toString();
  const req = request({ host: SES_HOST, path: '/', method: 'POST', headers: signRequest({ method: 'POST', url: `https://${SES_HOST}/`, headers: this.headers(), body: payload }, { service: 'ses', region: 'eu-central-1', credentials: { accessKeyId: this.key, secretAccessKey: this.secret } }).headers }, (res) => done(null, res.statusCode));
  req.on('error', done);
  req.end(payload);
};
