// scripts/drain-dlq.mjs: reads the dead-letter queue for the on-call report; the query is built in
// one function and signed where it is sent.
import { createHmac } from 'node:crypto';

const QUEUE_HOST = 'sqs.eu-west-1.amazonaws.com';
const QUEUE_PATH = '/123456789012/orders-dlq';

const rfc3986 = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function receiveQuery(max, accessKeyId) {
  return 'AWSAccessKeyId=' + rfc3986(accessKeyId) +
    '&Action=ReceiveMessage' +
    '&MaxNumberOfMessages=' + max +
    '&SignatureMethod=HmacSHA256' +
    '&SignatureVersion=2' +
    '&Timestamp=' + rfc3986(new Date().toISOString()) +
    '&Version=2012-11-05';
}

function signature(query, secretAccessKey) {
  return createHmac('sha256', secretAccessKey).update(`GET\n${QUEUE_HOST}\n${QUEUE_PATH}\n${query}`).digest('base64');
}

export async function drain({ accessKeyId, secretAccessKey }) {
  const query = receiveQuery(10, accessKeyId);
  const response = await fetch(`https://${QUEUE_HOST}${QUEUE_PATH}?${query}&Signature=${rfc3986(signature(query, secretAccessKey))}`);
  return response.text();
}
