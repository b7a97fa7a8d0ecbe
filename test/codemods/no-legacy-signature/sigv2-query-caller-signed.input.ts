// Lists running EC2 instances for the cost report; the region is the deployment's.
import { createHmac } from 'node:crypto';

const REGION = process.env.REPORT_REGION ?? 'us-east-1';
const EC2_HOST = `ec2.${REGION}.amazonaws.com`;
const API_VERSION = '2016-11-15';

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function describeQuery(accessKeyId: string): string {
  return 'AWSAccessKeyId=' + encode(accessKeyId) +
    '&Action=DescribeInstances' +
    '&SignatureMethod=HmacSHA256' +
    '&SignatureVersion=2' +
    '&Timestamp=' + encode(new Date().toISOString()) +
    '&Version=' + API_VERSION;
}

function sign(query: string, secretAccessKey: string): string {
  return createHmac('sha256', secretAccessKey).update(['GET', EC2_HOST, '/', query].join('\n')).digest('base64');
}

export async function describeInstances(credentials: Credentials): Promise<string> {
  const query = describeQuery(credentials.accessKeyId);
  const response = await fetch(`https://${EC2_HOST}/?${query}&Signature=${encode(sign(query, credentials.secretAccessKey))}`);
  return response.text();
}
