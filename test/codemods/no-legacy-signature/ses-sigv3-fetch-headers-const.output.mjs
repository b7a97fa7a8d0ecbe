// SES through a headers const and a default crypto import, in string concatenations.
import { config } from './config.mjs';
import { signRequest } from 'sigv4-migrate/sigv4';

const region = config.region;

export async function send(params, credentials) {
  const { accessKeyId, secretAccessKey } = credentials;
  const body = new URLSearchParams(params).toString();
  const signed = signRequest({
    method: 'POST',
    url: `https://email.${region}.amazonaws.com/`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  }, { service: 'ses', region, credentials: { accessKeyId, secretAccessKey } });
  const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body });
  return response.text();
}
