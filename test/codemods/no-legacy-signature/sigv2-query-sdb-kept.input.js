// SimpleDB speaks only Signature Version 2: this signer is right as it is and stays.
import { createHmac } from 'node:crypto';

const region = process.env.SDB_REGION ?? 'eu-west-1';
const SDB_HOST = `sdb.${region}.amazonaws.com`;

const rfc3986 = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function selectUrl(accessKeyId, secretAccessKey, expression) {
  const params = new URLSearchParams();
  params.set('Action', 'Select');
  params.set('SelectExpression', expression);
  params.set('Version', '2009-04-15');
  params.set('AWSAccessKeyId', accessKeyId);
  params.set('SignatureMethod', 'HmacSHA256');
  params.set('SignatureVersion', '2');
  params.set('Timestamp', new Date().toISOString());
  const query = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
  const signature = createHmac('sha256', secretAccessKey).update(`GET\n${SDB_HOST}\n/\n${query}`).digest('base64');
  return `https://${SDB_HOST}/?${query}&Signature=${rfc3986(signature)}`;
}
