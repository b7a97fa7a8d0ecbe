// Tiny EC2/SQS Query API client used by the autoscaling cron (predates the SDK in this repo).
import crypto from 'node:crypto';

const API_VERSION = '2016-11-15';

function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function signQuery({ host, action, params, accessKeyId, secretAccessKey }) {
  const query = {
    ...params,
    Action: action,
    Version: API_VERSION,
    AWSAccessKeyId: accessKeyId,
    Timestamp: new Date().toISOString(),
    SignatureMethod: 'HmacSHA256',
    SignatureVersion: '2', // expect: no-legacy-signature
  };
  const canonical = Object.keys(query)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(query[name])}`)
    .join('&');
  const stringToSign = ['GET', host, '/', canonical].join('\n');
  const signature = crypto.createHmac('sha256', secretAccessKey).update(stringToSign).digest('base64');
  return `https://${host}/?${canonical}&Signature=${rfc3986(signature)}`;
}

export function describeInstancesUrl(credentials) {
  return signQuery({ host: 'ec2.us-east-1.amazonaws.com', action: 'DescribeInstances', params: {}, ...credentials });
}

// Legacy SQS poller builds its query as a string.
export function receiveMessageQuery(queueUrl, accessKeyId, timestamp) {
  return 'Action=ReceiveMessage&AWSAccessKeyId=' + accessKeyId + '&QueueUrl=' + encodeURIComponent(queueUrl) + '&SignatureMethod=HmacSHA1&SignatureVersion=2&Timestamp=' + encodeURIComponent(timestamp); // expect: no-legacy-signature
}
