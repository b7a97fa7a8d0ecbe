// lib/aws/sign.js: SigV4 for the few OpenSearch calls the indexer makes; keys are sorted with sort-keys.
'use strict';

const crypto = require('crypto');
const sortKeys = require('sort-keys');

function strictEncode(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function canonicalQuery(params) {
  const sorted = sortKeys(params);
  return Object.keys(sorted)
    .map((key) => strictEncode(key) + '=' + strictEncode(String(sorted[key])))
    .join('&');
}

function hash(data) {
  return crypto.createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

function sign({ method, host, path, params, body = '' }, { accessKeyId, secretAccessKey, region }) {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const date = amzDate.slice(0, 8);
  const query = canonicalQuery(params || {});
  const canonicalHeaders = `host:${host}\nx-amz-date:${amzDate}\n`;
  const signedHeaders = 'host;x-amz-date';
  const canonicalRequest = [method, path, query, canonicalHeaders, signedHeaders, hash(body)].join('\n');
  const scope = `${date}/${region}/es/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, hash(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), 'es'), 'aws4_request');
  const signature = crypto.createHmac('sha256', key).update(stringToSign).digest('hex');
  return {
    url: `https://${host}${path}${query ? '?' + query : ''}`,
    headers: {
      'x-amz-date': amzDate,
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
  };
}

module.exports = { sign, canonicalQuery };
