// A mail transport that posts to SES with request.post; the SigV3 header comes from a template
// filled with .replace() in a function of its own.
import crypto from 'node:crypto';
import request from 'request';

const AUTH_TEMPLATE = 'AWS3-HTTPS AWSAccessKeyId=%s, Algorithm=HmacSHA256, Signature=%s';
const ENDPOINT = 'https://email.us-west-2.amazonaws.com/';

function sesHeaders(body, credentials) {
  const date = new Date().toUTCString();
  const signature = crypto.createHmac('sha256', credentials.secretAccessKey).update(date).digest('base64');
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Amz-Date': date,
    'X-Amzn-Authorization': AUTH_TEMPLATE.replace('%s', credentials.accessKeyId).replace('%s', signature),
  };
}

export function sendRaw(message, credentials, callback) {
  const body = new URLSearchParams({ Action: 'SendRawEmail', 'RawMessage.Data': message }).toString();
  request.post({ url: ENDPOINT, headers: sesHeaders(body, credentials), body }, callback);
}
