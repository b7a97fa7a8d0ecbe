// Alert mailer from the ops toolbox: SES SendEmail as a SigV2-signed GET URL, for whichever SES
// endpoint the caller configures (the region lives in that endpoint's host).
import { regionFromHost, presignUrl } from 'sigv4-migrate/sigv4';

const API_VERSION = '2010-12-01';

const rfc3986 = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function sendEmailUrl(endpoint, { accessKeyId, secretAccessKey }, to, subject, text) {
  const params = {
    Action: 'SendEmail',
    Source: 'alerts@example.com',
    'Destination.ToAddresses.member.1': to,
    'Message.Subject.Data': subject,
    'Message.Body.Text.Data': text,
    Version: API_VERSION,
  };
  const query = Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`)
    .join('&');
  const host = new URL(endpoint).host;
  return presignUrl({ method: 'GET', url: `${endpoint}/?${query}` }, { service: 'ses', region: regionFromHost(host), credentials: { accessKeyId, secretAccessKey }, expiresIn: 900 }).url;
}
