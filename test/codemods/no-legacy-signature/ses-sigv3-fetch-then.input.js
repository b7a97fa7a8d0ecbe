// Promise style: the date sent as x-amz-date, createHmac imported under an alias.
import { createHmac as hmac } from 'crypto';
import querystring from 'node:querystring';

export function sendTemplated(params, env) {
  const body = querystring.stringify(params);
  const region = env.AWS_REGION;
  const stamp = new Date().toISOString();
  const sig = hmac('sha1', env.AWS_SECRET_ACCESS_KEY).update(stamp).digest('base64');
  return fetch('https://email.' + region + '.amazonaws.com', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': stamp,
      'x-amzn-authorization': `AWS3-HTTPS AWSAccessKeyId=${env.AWS_ACCESS_KEY_ID},Algorithm=HmacSHA1,Signature=${sig}`,
    },
    body,
  }).then((response) => response.json());
}
