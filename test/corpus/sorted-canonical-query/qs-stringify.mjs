// src/clients/bedrock-agents.mjs: signed GET calls to a regional AWS JSON API without the SDK.
import crypto from 'node:crypto';
import qs from 'qs';

const encoder = new TextEncoder();

function sha256(data) {
  return crypto.createHash('sha256').update(encoder.encode(data)).digest('hex');
}

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data).digest();
}

function signatureFor(secret, day, region, service, stringToSign) {
  const kDate = hmac(`AWS4${secret}`, day);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return crypto.createHmac('sha256', hmac(kService, 'aws4_request')).update(stringToSign).digest('hex');
}

export class AgentsClient {
  constructor({ region, credentials, service = 'bedrock' }) {
    this.region = region;
    this.credentials = credentials;
    this.service = service;
    this.host = `bedrock-agent.${region}.amazonaws.com`;
  }

  async list(path, filters = {}) {
    const query = qs.stringify({ maxResults: 50, ...filters }); // expect: sorted-canonical-query
    const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
    const day = amzDate.slice(0, 8);
    const canonicalHeaders = `host:${this.host}\nx-amz-date:${amzDate}\n`;
    const signedHeaders = 'host;x-amz-date';
    const canonicalRequest = ['GET', path, query, canonicalHeaders, signedHeaders, sha256('')].join('\n');
    const scope = `${day}/${this.region}/${this.service}/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
    const signature = signatureFor(this.credentials.secretAccessKey, day, this.region, this.service, stringToSign);
    const res = await fetch(`https://${this.host}${path}?${query}`, {
      headers: {
        'x-amz-date': amzDate,
        authorization: `AWS4-HMAC-SHA256 Credential=${this.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
      },
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }
}
