// Capacity report from the ops toolbox: Auto Scaling DescribeAutoScalingGroups as a SigV2-signed GET
// URL; the region is the caller's, spliced into the host it passes.
import { regionFromHost, presignUrl } from 'sigv4-migrate/sigv4';

const rfc3986 = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signedUrl(host, action, { accessKeyId, secretAccessKey }) {
  const params = {
    Action: action,
    Version: '2011-01-01',
  };
  const query = Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`)
    .join('&');
  return presignUrl({ method: 'GET', url: `https://${host}/?${query}` }, { service: 'autoscaling', region: regionFromHost(host), credentials: { accessKeyId, secretAccessKey }, expiresIn: 900 }).url;
}

export async function describeScalingGroups(region, credentials) {
  const host = `autoscaling.${region}.amazonaws.com`;
  const response = await fetch(signedUrl(host, 'DescribeAutoScalingGroups', credentials));
  return response.text();
}
