// The seed case, built as a hand-written Python signer builds it: an SES SendEmail GET whose
// canonical_querystring is joined in written order, signed for real with SigV4.
import { createHash, createHmac } from 'node:crypto';
import type { RequestObject } from '../../src/explain/index';

export interface HandBuiltRequest {
  request: RequestObject & { headers: Record<string, string> };
  canonicalRequest: string;
  stringToSign: string;
}

/** What `canonical_querystring = '&'.join(k + '=' + quote(v, safe='') for k, v in params)` gives. */
export function sesSendEmailInWrittenOrder(options: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string; date: Date }): HandBuiltRequest {
  const parameters: [string, string][] = [
    ['Action', 'SendEmail'],
    ['Source', 'sender@example.com'],
    ['Destination.ToAddresses.member.1', 'recipient@example.com'],
    ['Message.Subject.Data', 'Hello'],
    ['Message.Body.Text.Data', 'Hello from a hand-built signer'],
    ['Version', '2010-12-01'],
  ];
  // eslint-disable-next-line sigv4/sorted-canonical-query -- the seed is the unsorted query this rule reports, built on purpose
  const canonicalQuerystring = parameters.map(([name, value]) => `${name}=${pythonQuote(value)}`).join('&');
  const amzDate = options.date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const host = new URL(options.endpoint).host;
  const canonicalRequest = ['GET', '/', canonicalQuerystring, `host:${host}`, `x-amz-date:${amzDate}`, '', 'host;x-amz-date', createHash('sha256').digest('hex')].join('\n');
  const scope = `${amzDate.slice(0, 8)}/${options.region}/ses/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  let key: Buffer | string = `AWS4${options.secretAccessKey}`;
  for (const part of scope.split('/')) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return {
    request: {
      method: 'GET',
      url: `${options.endpoint}/?${canonicalQuerystring}`,
      headers: {
        host,
        'x-amz-date': amzDate,
        authorization: `AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/${scope}, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      },
    },
    canonicalRequest,
    stringToSign,
  };
}

/** Python's `urllib.parse.quote(value, safe='')`: everything but A-Z a-z 0-9 _ . - ~ as %XX. */
function pythonQuote(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[\w.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
