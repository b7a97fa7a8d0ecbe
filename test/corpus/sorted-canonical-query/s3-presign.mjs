// presign.mjs: S3 presigned GET/PUT URLs for a browser upload widget, written against the
// "Authenticating Requests: Using Query Parameters" page instead of pulling in the SDK.
import { createHash, createHmac } from 'node:crypto';

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

const sha256Hex = (text) => createHash('sha256').update(text).digest('hex');
const hmac = (key, text) => createHmac('sha256', key).update(text).digest();

// MDN's RFC 3986 variant of encodeURIComponent.
function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function encodeKey(key) {
  return key.split('/').map(rfc3986).join('/');
}

export function presignUrl({ bucket, key, region, accessKeyId, secretAccessKey, method = 'GET', expires = 900, extra = {} }) {
  const host = `${bucket}.s3.${region}.amazonaws.com`;
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/s3/aws4_request`;

  // The X-Amz-* parameters, already in code-point order.
  const authParams =
    `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${rfc3986(`${accessKeyId}/${scope}`)}` +
    `&X-Amz-Date=${amzDate}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host`;

  // Response overrides (response-content-disposition=…) go after the auth parameters.
  const extraParams = Object.entries(extra).map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`).join('&'); // expect: sorted-canonical-query
  const query = extraParams ? `${authParams}&${extraParams}` : authParams;

  const canonicalRequest = `${method}\n/${encodeKey(key)}\n${query}\nhost:${host}\n\nhost\n${UNSIGNED_PAYLOAD}`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;

  let signingKey = hmac(`AWS4${secretAccessKey}`, day);
  for (const part of [region, 's3', 'aws4_request']) signingKey = hmac(signingKey, part);
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');

  // X-Amz-Signature is appended last on purpose: it is not part of the canonical query.
  return `https://${host}/${encodeKey(key)}?${query}&X-Amz-Signature=${signature}`;
}

export function presignDownload(options, filename) {
  return presignUrl({ ...options, extra: { 'response-content-disposition': `attachment; filename="${filename}"` } });
}
