// src/aws/metrics.mjs: the CloudWatch GetMetricData call, signed with SigV4 over WebCrypto.
import { canonicalQueryString, hashHex } from './canonical.mjs';

export async function canonicalRequestFor(host, params, amzDate) {
  const query = canonicalQueryString({ Action: 'GetMetricData', Version: '2010-08-01', ...params });
  const signedHeaders = 'host;x-amz-date';
  const canonicalHeaders = `host:${host}\nx-amz-date:${amzDate}\n`;
  return ['GET', '/', query, canonicalHeaders, signedHeaders, await hashHex('')].join('\n'); // AWS4-HMAC-SHA256
}
