// Sends the weekly digest through the SES Query API as a GET signed with SignatureVersion 2, the way
// the 2011 SES docs showed it.
import { createHmac } from 'node:crypto';

const region = process.env.AWS_REGION ?? 'us-east-1';
const sesEndpoint = process.env.AWS_ENDPOINT_URL_SES ?? `https://email.${region}.amazonaws.com`;

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The SendEmail URL for one digest, signed for the account in the environment. */
export function digestUrl(to: string, subject: string, text: string): string {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID ?? '';
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY ?? '';
  const params: Record<string, string> = {
    Action: 'SendEmail',
    Source: 'digest@example.com',
    'Destination.ToAddresses.member.1': to,
    'Message.Subject.Data': subject,
    'Message.Body.Text.Data': text,
    AWSAccessKeyId: accessKeyId,
    SignatureMethod: 'HmacSHA256',
    SignatureVersion: '2',
    Timestamp: new Date().toISOString(),
  };
  const query = Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`)
    .join('&');
  const host = new URL(sesEndpoint).host;
  const signature = createHmac('sha256', secretAccessKey).update(`GET\n${host}\n/\n${query}`).digest('base64');
  return `${sesEndpoint}/?${query}&Signature=${rfc3986(signature)}`;
}

export async function sendWeeklyDigest(to: string): Promise<string> {
  const response = await fetch(digestUrl(to, 'Your weekly digest', "3 new comments (and 1 mention!) this week: don't miss them."));
  const body = await response.text();
  if (!response.ok) throw new Error(`SES SendEmail failed: ${response.status} ${body}`);
  return /<MessageId>([^<]*)<\/MessageId>/.exec(body)?.[1] ?? '';
}
