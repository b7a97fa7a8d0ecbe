// IoT device shadow client for the kiosk firmware updater: signs HTTPS calls to the IoT data plane.
import * as crypto from 'crypto';
import * as https from 'https';

interface DeviceCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

const SERVICE = 'iotdata';

function sha256(data: string): string {
  return crypto.createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key: crypto.BinaryLike, data: string): Buffer {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

export function shadowRequest(endpoint: string, region: string, thing: string, creds: DeviceCredentials, body = ''): https.RequestOptions {
  const method = body ? 'POST' : 'GET';
  const path = `/things/${encodeURIComponent(thing)}/shadow`;
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const date = amzDate.substring(0, 8);

  let canonicalRequest = '';
  canonicalRequest += method + '\n';
  canonicalRequest += path + '\n';
  canonicalRequest += '\n';
  canonicalRequest += 'x-amz-date:' + amzDate + '\n';
  canonicalRequest += 'host:' + endpoint + '\n'; // expect: sorted-canonical-query
  canonicalRequest += 'x-amz-security-token:' + creds.sessionToken + '\n';
  canonicalRequest += '\n';
  canonicalRequest += 'x-amz-date;host;x-amz-security-token' + '\n'; // expect: sorted-canonical-query
  canonicalRequest += sha256(body);

  const scope = `${date}/${region}/${SERVICE}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonicalRequest)}`;
  const signingKey = hmac(hmac(hmac(hmac('AWS4' + creds.secretAccessKey, date), region), SERVICE), 'aws4_request');
  const signature = crypto.createHmac('sha256', signingKey).update(stringToSign).digest('hex');

  return {
    host: endpoint,
    path,
    method,
    headers: {
      'x-amz-date': amzDate,
      'x-amz-security-token': creds.sessionToken,
      Authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=${signature}`,
    },
  };
}

export function getShadow(endpoint: string, region: string, thing: string, creds: DeviceCredentials): Promise<unknown> {
  return new Promise((resolve, reject) => {
    https
      .request(shadowRequest(endpoint, region, thing, creds), (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve(JSON.parse(text)) : reject(new Error(text))));
      })
      .on('error', reject)
      .end();
  });
}
