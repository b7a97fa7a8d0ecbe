// SES Query API mailer: SendEmail as a SigV2-signed GET URL.
import crypto from 'node:crypto';

const region = process.env.AWS_REGION ?? 'eu-west-1';
const sesEndpoint = process.env.AWS_ENDPOINT_URL_SES ?? `https://email.${region}.amazonaws.com`;

const rfc3986 = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function sendEmailUrl({ accessKeyId, secretAccessKey }, to, subject, text) {
  const params = {
    Action: 'SendEmail',
    Source: 'noreply@example.com',
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
  const stringToSign = ['GET', host, '/', query].join('\n');
  const signature = crypto.createHmac('sha256', secretAccessKey).update(stringToSign).digest('base64');
  return `${sesEndpoint}/?${query}&Signature=${rfc3986(signature)}`;
}
