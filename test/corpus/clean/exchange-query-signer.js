// lib/exchange-client.js: signs REST calls to a crypto exchange whose scheme is named "SignatureVersion 2" too.
const crypto = require('crypto');
const https = require('https');

const API_HOST = 'api.huobi.pro';

function sign(method, path, params, secret) {
  const sorted = Object.keys(params)
    .sort()
    .map((name) => `${name}=${encodeURIComponent(params[name])}`)
    .join('&');
  const payload = [method, API_HOST, path, sorted].join('\n');
  return crypto.createHmac('sha256', secret).update(payload).digest('base64');
}

function privateGet(path, accessKey, secretKey, extra = {}) {
  const params = {
    ...extra,
    AccessKeyId: accessKey,
    SignatureMethod: 'HmacSHA256',
    SignatureVersion: '2',
    Timestamp: new Date().toISOString().slice(0, 19),
  };
  params.Signature = sign('GET', path, params, secretKey);
  const query = new URLSearchParams(params).toString();
  return new Promise((resolve, reject) => {
    https
      .get({ host: API_HOST, path: `${path}?${query}` }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(body));
          } catch (err) {
            reject(err);
          }
        });
      })
      .on('error', reject);
  });
}

module.exports = { privateGet };
