// SES through a headers const and a default crypto import, in string concatenations.
import crypto from 'node:crypto';
import { config } from './config.mjs';

const region = config.region;

export async function send(params, credentials) {
  const { accessKeyId, secretAccessKey } = credentials;
  const now = new Date().toUTCString();
  const signature = crypto.createHmac('sha256', secretAccessKey).update(now).digest('base64');
  const body = new URLSearchParams(params).toString();
  const headers = {
    'Content-Type': 'application/x-www-form-urlencoded',
    'Date': now,
    'X-Amzn-Authorization': 'AWS3-HTTPS AWSAccessKeyId=' + accessKeyId + ', Algorithm=HmacSHA256, Signature=' + signature,
  };
  const response = await fetch(`https://email.${region}.amazonaws.com/`, { method: 'POST', headers, body });
  return response.text();
}
