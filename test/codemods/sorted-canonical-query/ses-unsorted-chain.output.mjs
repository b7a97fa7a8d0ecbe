// Seed case: SES SendEmail over a hand-built SigV4 GET whose query is an unsorted `+` chain.
import { createHash, createHmac } from 'node:crypto';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';

const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');

export async function sendAlert(to, subject, { accessKeyId, secretAccessKey, region, amzDate }) {
  const host = `email.${region}.amazonaws.com`;
  const query =
    'Action=SendEmail' +
    '&Source=' + encodeURIComponent('alerts@example.com') +
    '&Destination.ToAddresses.member.1=' + encodeURIComponent(to) +
    '&Message.Subject.Data=' + encodeURIComponent(subject);

  const canonicalRequest = [
    'GET',
    '/',
    canonicalQueryString(query), // the wire query below stays as written: AWS sorts it itself
    `host:${host}\nx-amz-date:${amzDate}\n`,
    'host;x-amz-date',
    sha256Hex(''),
  ].join('\n');
  const scope = `${amzDate.slice(0, 8)}/${region}/ses/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, amzDate.slice(0, 8)), region), 'ses'), 'aws4_request');
  const signature = hmac(signingKey, stringToSign).toString('hex');
  return fetch(`https://${host}/?${query}`, {
    headers: {
      'x-amz-date': amzDate,
      Authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    },
  });
}
