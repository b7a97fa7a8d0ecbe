import * as crypto from 'node:crypto';

const sha256 = (data: string): string => crypto.createHash('sha256').update(data, 'utf8').digest('hex');

export function stringToSign(host: string, amzDate: string, token: string, scope: string, body: string): string {
  let canonicalRequest = '';
  canonicalRequest += 'GET\n';
  canonicalRequest += '/things/shadow\n';
  canonicalRequest += '\n';
  canonicalRequest += 'host:' + host + '\n'; // the service's endpoint
  canonicalRequest += 'x-amz-date:' + amzDate + '\n';
  canonicalRequest += 'x-amz-security-token:' + token + '\n';
  canonicalRequest += '\n';
  canonicalRequest += 'host;x-amz-date;x-amz-security-token' + '\n';
  canonicalRequest += sha256(body);
  return `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonicalRequest)}`;
}
