// SES through util.format(TEMPLATE, key, signature) in an exported headers function spread into https.request options.
import { createHmac } from 'node:crypto';
import { format } from 'node:util';
import https from 'node:https';

const SES_HOST = 'email.us-east-1.amazonaws.com';
const AUTH_TEMPLATE = 'AWS3-HTTPS AWSAccessKeyId=%s, Algorithm=HmacSHA256, Signature=%s';

function signDate(secretKey, date) {
  return createHmac('sha256', secretKey).update(date).digest('base64');
}

export function authHeaders({ accessKeyId, secretAccessKey }) {
  const date = new Date().toUTCString();
  return {
    Date: date,
    'X-Amzn-Authorization': format(AUTH_TEMPLATE, accessKeyId, signDate(secretAccessKey, date)),
  };
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
        headers: { ...authHeaders(credentials), 'Content-Type': 'application/x-www-form-urlencoded' },
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
