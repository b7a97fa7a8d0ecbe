// Sends build events to the team's SQS queue from the CI runner.
import { presignUrl } from 'sigv4-migrate/sigv4';

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
  const canonical = Object.keys(q)
    .sort()
    .map((k) => `${percent(k)}=${percent(q[k] ?? '')}`)
    .join('&');
  return presignUrl({ method: 'GET', url: `https://${QUEUE_HOST}${QUEUE_PATH}?${canonical}` }, { service: 'sqs', region: 'eu-central-1', credentials: { accessKeyId, secretAccessKey }, expiresIn: 900 }).url;
}
