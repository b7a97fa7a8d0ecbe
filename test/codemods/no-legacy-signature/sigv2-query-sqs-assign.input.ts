// Sends build events to the team's SQS queue from the CI runner.
import { createHmac } from 'node:crypto';

const QUEUE_HOST = 'sqs.eu-central-1.amazonaws.com';
const QUEUE_PATH = '/123456789012/build-events';

type Query = Record<string, string>;

function percent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function sendMessageUrl(accessKeyId: string, secretAccessKey: string, body: string): string {
  const q: Query = {};
  q['Action'] = 'SendMessage';
  q['MessageBody'] = body;
  q['Version'] = '2012-11-05';
  q['AWSAccessKeyId'] = accessKeyId;
  q['Timestamp'] = new Date().toISOString();
  q['SignatureMethod'] = 'HmacSHA256';
  q['SignatureVersion'] = '2';
  const canonical = Object.keys(q)
    .sort()
    .map((k) => `${percent(k)}=${percent(q[k] ?? '')}`)
    .join('&');
  const toSign = `GET\n${QUEUE_HOST}\n${QUEUE_PATH}\n${canonical}`;
  const signature = createHmac('sha256', secretAccessKey).update(toSign).digest('base64');
  return `https://${QUEUE_HOST}${QUEUE_PATH}?${canonical}&Signature=${percent(signature)}`;
}
