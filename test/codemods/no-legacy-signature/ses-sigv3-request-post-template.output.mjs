// A mail transport that posts to SES with request.post; the SigV3 header comes from a template
// filled with .replace() in a function of its own.
import request from 'request';
import { signRequest } from 'sigv4-migrate/sigv4';

const ENDPOINT = 'https://email.us-west-2.amazonaws.com/';

function sesHeaders(body, credentials) {
  return signRequest({
    method: 'POST',
    url: ENDPOINT,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body
  }, { service: 'ses', region: 'us-west-2', credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey } }).headers;
}

export function sendRaw(message, credentials, callback) {
  const body = new URLSearchParams({ Action: 'SendRawEmail', 'RawMessage.Data': message }).toString();
  request.post({ url: ENDPOINT, headers: sesHeaders(body, credentials), body }, callback);
}
