// Lists running EC2 instances for the cost report; the region is the deployment's.
import { presignUrl } from 'sigv4-migrate/sigv4';

const REGION = process.env.REPORT_REGION ?? 'us-east-1';
const EC2_HOST = `ec2.${REGION}.amazonaws.com`;
const API_VERSION = '2016-11-15';

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

function describeQuery(): string {
  return 'Action=DescribeInstances' +
    '&Version=' + API_VERSION;
}

export async function describeInstances(credentials: Credentials): Promise<string> {
  const query = describeQuery();
  const response = await fetch(presignUrl({ method: 'GET', url: `https://${EC2_HOST}/?${query}` }, { service: 'ec2', region: REGION, credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, expiresIn: 900 }).url);
  return response.text();
}
