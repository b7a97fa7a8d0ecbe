// Publishes deploy notifications to SNS from the CI runner, where the SDK is not installed.
import { createHmac } from 'node:crypto';

const SIG_VERSION = 2;
const SIG_METHOD = 'HmacSHA256';

export interface SnsTarget {
  region: string;
  topicArn: string;
  accessKeyId: string;
  secretAccessKey: string;
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function canonicalize(params: URLSearchParams): string {
  return [...params.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');
}

export function publishUrl(target: SnsTarget, subject: string, message: string): string {
  const host = `sns.${target.region}.amazonaws.com`;
  const params = new URLSearchParams();
  params.set('Action', 'Publish');
  params.set('TopicArn', target.topicArn);
  params.set('Subject', subject.slice(0, 100));
  params.set('Message', message);
  params.set('AWSAccessKeyId', target.accessKeyId);
  params.set('Timestamp', new Date().toISOString());
  params.set('SignatureMethod', SIG_METHOD);
  params.set('SignatureVersion', String(SIG_VERSION)); // expect: no-legacy-signature
  params.set('Version', '2010-03-31');
  const query = canonicalize(params);
  const signature = createHmac('sha256', target.secretAccessKey).update(`GET\n${host}\n/\n${query}`).digest('base64');
  return `https://${host}/?${query}&Signature=${rfc3986(signature)}`;
}

export async function notifyDeploy(target: SnsTarget, service: string, version: string): Promise<void> {
  const url = publishUrl(target, `Deployed ${service}`, `${service} ${version} is live (${new Date().toISOString()})`);
  const res = await fetch(url);
  if (!res.ok) {
    const text = await res.text();
    throw new Error(`SNS Publish failed with ${res.status}: ${text.slice(0, 300)}`);
  }
}

if (process.argv[1]?.endsWith('sns-publish-legacy.ts')) {
  const [service = 'api', version = 'dev'] = process.argv.slice(2);
  notifyDeploy(
    {
      region: process.env.AWS_REGION ?? 'us-east-1',
      topicArn: process.env.DEPLOY_TOPIC_ARN ?? '',
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
    },
    service,
    version,
  ).catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
