// Manual: the canonical headers are written out of order and not lower-cased; the codemod leaves them.
import { sha256Hex } from './hash.js';

export function canonicalRequest(host, amzDate, query) {
  return [
    'GET',
    '/',
    query,
    'X-Amz-Date:' + amzDate + '\nhost:' + host + '\n',
    'x-amz-date;host',
    sha256Hex(''),
  ].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
