// Promise style: the date sent as x-amz-date, createHmac imported under an alias.
import querystring from 'node:querystring';
import { signRequest } from 'sigv4-migrate/sigv4';

export function sendTemplated(params, env) {
  const body = querystring.stringify(params);
  const region = env.AWS_REGION;
  const signed = signRequest({
    method: 'POST',
    url: 'https://email.' + region + '.amazonaws.com',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  }, { service: 'ses', region, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } });
  return fetch(signed.url, {
    method: 'POST',
    headers: signed.headers,
    body,
  }).then((response) => response.json());
}
