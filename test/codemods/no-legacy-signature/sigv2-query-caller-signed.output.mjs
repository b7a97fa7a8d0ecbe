// scripts/drain-dlq.mjs: reads the dead-letter queue for the on-call report; the query is built in
// one function and signed where it is sent.
import { presignUrl } from 'sigv4-migrate/sigv4';

const QUEUE_HOST = 'sqs.eu-west-1.amazonaws.com';
const QUEUE_PATH = '/123456789012/orders-dlq';

function receiveQuery(max) {
  return 'Action=ReceiveMessage' +
    '&MaxNumberOfMessages=' + max +
    '&Version=2012-11-05';
}

export async function drain({ accessKeyId, secretAccessKey }) {
  const query = receiveQuery(10);
  const response = await fetch(presignUrl({ method: 'GET', url: `https://${QUEUE_HOST}${QUEUE_PATH}?${query}` }, { service: 'sqs', region: 'eu-west-1', credentials: { accessKeyId, secretAccessKey }, expiresIn: 900 }).url);
  return response.text();
}
