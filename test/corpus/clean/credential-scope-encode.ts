// Presigned SigV4 GET URLs for the reports bucket, built without the SDK (Cloudflare Worker).
const encoder = new TextEncoder();

async function hmac(key: ArrayBuffer | Uint8Array, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data));
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(data: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(data)));
}

export async function presignReport(
  bucketHost: string,
  objectPath: string,
  env: { AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string; AWS_REGION: string },
): Promise<string> {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${env.AWS_REGION}/s3/aws4_request`;
  const credential = encodeURIComponent(`${env.AWS_ACCESS_KEY_ID}/${scope}`);
  const query =
    'X-Amz-Algorithm=AWS4-HMAC-SHA256' +
    `&X-Amz-Credential=${credential}` +
    `&X-Amz-Date=${amzDate}` +
    '&X-Amz-Expires=3600' +
    '&X-Amz-SignedHeaders=host';
  const canonicalRequest = ['GET', objectPath, query, `host:${bucketHost}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');
  let key: ArrayBuffer = await hmac(encoder.encode(`AWS4${env.AWS_SECRET_ACCESS_KEY}`), day);
  for (const part of [env.AWS_REGION, 's3', 'aws4_request']) key = await hmac(new Uint8Array(key), part);
  const signature = toHex(await hmac(new Uint8Array(key), stringToSign));
  return `https://${bucketHost}${objectPath}?${query}&X-Amz-Signature=${encodeURIComponent(signature)}`;
}
