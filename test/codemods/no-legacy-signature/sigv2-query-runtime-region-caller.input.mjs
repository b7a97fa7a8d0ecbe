// Capacity report from the ops toolbox: Auto Scaling DescribeAutoScalingGroups as a SigV2-signed GET
// URL; the region is the caller's, spliced into the host it passes.
import { createHmac } from 'node:crypto';

const rfc3986 = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signedUrl(host, action, { accessKeyId, secretAccessKey }) {
  const params = {
    Action: action,
    Version: '2011-01-01',
    AWSAccessKeyId: accessKeyId,
    SignatureMethod: 'HmacSHA256',
    SignatureVersion: '2',
    Timestamp: new Date().toISOString(),
  };
  const query = Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`)
    .join('&');
  const signature = createHmac('sha256', secretAccessKey).update(`GET\n${host}\n/\n${query}`).digest('base64');
  return `https://${host}/?${query}&Signature=${rfc3986(signature)}`;
}

export async function describeScalingGroups(region, credentials) {
  const host = `autoscaling.${region}.amazonaws.com`;
  const response = await fetch(signedUrl(host, 'DescribeAutoScalingGroups', credentials));
  return response.text();
}
