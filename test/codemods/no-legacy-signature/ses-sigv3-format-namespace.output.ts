// SES through a namespace util import whose format also builds a log line, so the import stays.
import * as https from 'node:https';
import * as util from 'node:util';
import { signRequest } from 'sigv4-migrate/sigv4';

const SES_HOST = 'email.eu-west-1.amazonaws.com';

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export function authHeaders(credentials: Credentials): Record<string, string> {
  return {};
}

export function sendNotice(credentials: Credentials, body: string): void {
  console.log(util.format('sending %d bytes', body.length));
  const req = https.request({
    host: SES_HOST,
    method: 'POST',
    path: '/',
    headers: signRequest({ method: 'POST', url: `https://${SES_HOST}/`, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...authHeaders(credentials) }, body }, { service: 'ses', region: 'eu-west-1', credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey } }).headers,
  });
  req.end(body);
}
