// regionFromHost: the region a rewritten SigV2 query signer signs for when its host is known only at
// run time, read from real AWS Query API endpoint hosts (regional, legacy, global, FIPS, China,
// GovCloud, VPC endpoints, with a port) and from local stand-ins that ignore the region.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { regionFromHost } from '../../src/sigv4';

const HOSTS: ReadonlyArray<readonly [host: string, region: string]> = [
  ['sqs.us-west-2.amazonaws.com', 'us-west-2'],
  ['us-west-2.queue.amazonaws.com', 'us-west-2'],
  ['queue.amazonaws.com', 'us-east-1'],
  ['ec2.eu-west-1.amazonaws.com', 'eu-west-1'],
  ['ec2.amazonaws.com', 'us-east-1'],
  ['email.us-east-1.amazonaws.com', 'us-east-1'],
  ['email.ap-southeast-2.amazonaws.com', 'ap-southeast-2'],
  ['sts.amazonaws.com', 'us-east-1'],
  ['sts.eu-central-1.amazonaws.com', 'eu-central-1'],
  ['sns.me-south-1.amazonaws.com', 'me-south-1'],
  ['monitoring.il-central-1.amazonaws.com', 'il-central-1'],
  ['sqs.cn-north-1.amazonaws.com.cn', 'cn-north-1'],
  ['ec2.cn-northwest-1.amazonaws.com.cn', 'cn-northwest-1'],
  ['iam.amazonaws.com.cn', 'cn-north-1'],
  ['sqs-fips.us-east-2.amazonaws.com', 'us-east-2'],
  ['email-fips.us-gov-west-1.amazonaws.com', 'us-gov-west-1'],
  ['ec2.us-gov-east-1.amazonaws.com', 'us-gov-east-1'],
  ['iam.us-gov.amazonaws.com', 'us-gov-west-1'],
  ['vpce-0a1b2c3d4e5f6a7b8-abcdefgh.sqs.sa-east-1.vpce.amazonaws.com', 'sa-east-1'],
  ['sqs.ca-central-1.api.aws', 'ca-central-1'],
  ['SQS.EU-WEST-3.AMAZONAWS.COM', 'eu-west-3'],
  ['sqs.af-south-1.amazonaws.com:443', 'af-south-1'],
  ['email.eu-west-1.amazonaws.com:54321', 'eu-west-1'],
  ['sqs.us-east-1.localhost.localstack.cloud:4566', 'us-east-1'],
  ['localhost:9324', 'us-east-1'],
  ['127.0.0.1:5000', 'us-east-1'],
  ['my-app-1.s3.amazonaws.com', 'us-east-1'],
];

describe('regionFromHost', () => {
  for (const [host, region] of HOSTS) {
    it(`${host} → ${region}`, () => assert.equal(regionFromHost(host), region));
  }
});
