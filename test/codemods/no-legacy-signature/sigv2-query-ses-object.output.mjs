// SES Query API mailer: SendEmail as a SigV2-signed GET URL.
import { presignUrl } from 'sigv4-migrate/sigv4';

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
  };
  const query = Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`)
    .join('&');
  return presignUrl({ method: 'GET', url: `${sesEndpoint}/?${query}` }, { service: 'ses', region, credentials: { accessKeyId, secretAccessKey }, expiresIn: 900 }).url;
}
