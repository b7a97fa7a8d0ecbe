// Pages the on-call address through SES from a worker that cannot ship the AWS SDK.
import { createHash, createHmac } from 'node:crypto';

const region = process.env.AWS_REGION ?? 'us-east-1';
const endpoint = process.env.AWS_ENDPOINT_URL_SES ?? `https://email.${region}.amazonaws.com`;

const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');

export async function sendAlert(to, subject) {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID ?? '';
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY ?? '';
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const dateStamp = amzDate.slice(0, 8);
  const host = new URL(endpoint).host;

  const query =
    'Action=SendEmail' +
    '&Source=' + encodeURIComponent('alerts@example.com') +
    '&Destination.ToAddresses.member.1=' + encodeURIComponent(to) +
    '&Message.Subject.Data=' + encodeURIComponent(subject) +
    '&Message.Body.Text.Data=' + encodeURIComponent('See the dashboard.');

  const canonicalRequest = [
    'GET',
    '/',
    query,
    `host:${host}\nx-amz-date:${amzDate}\n`,
    'host;x-amz-date',
    sha256Hex(''),
  ].join('\n');
  const scope = `${dateStamp}/${region}/ses/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, dateStamp), region), 'ses'), 'aws4_request');
  const signature = hmac(signingKey, stringToSign).toString('hex');

  const response = await fetch(`${endpoint}/?${query}`, {
    headers: {
      'x-amz-date': amzDate,
      Authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`SES SendEmail failed: ${response.status} ${text}`);
  return /<MessageId>([^<]*)<\/MessageId>/.exec(text)?.[1] ?? '';
}
