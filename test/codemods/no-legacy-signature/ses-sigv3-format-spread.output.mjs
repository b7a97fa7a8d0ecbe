// SES through util.format(TEMPLATE, key, signature) in an exported headers function spread into https.request options.
import https from 'node:https';
import { signRequest } from 'sigv4-migrate/sigv4';

const SES_HOST = 'email.us-east-1.amazonaws.com';

export function authHeaders({ accessKeyId, secretAccessKey }) {
  return {};
}

export function sendNotice(credentials, { to, subject, text }) {
  const body = new URLSearchParams({
    Action: 'SendEmail',
    Source: process.env.NOTICE_FROM,
    'Destination.ToAddresses.member.1': to,
    'Message.Subject.Data': subject,
    'Message.Body.Text.Data': text,
  }).toString();
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: SES_HOST,
        method: 'POST',
        path: '/',
        headers: signRequest({ method: 'POST', url: `https://${SES_HOST}/`, headers: { ...authHeaders(credentials), 'Content-Type': 'application/x-www-form-urlencoded' }, body }, { service: 'ses', region: 'us-east-1', credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey } }).headers,
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(data) : reject(new Error(`SES ${res.statusCode}: ${data}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
