// dynamo.cjs: a DynamoDB Streams poller that talks to the service over plain HTTPS; the GET
// endpoints (describe, list) are signed with a small signer kept next to it.
const https = require('node:https');
const { createHash, createHmac } = require('node:crypto');
const { stringify } = require('node:querystring');

const sha256 = (body) => createHash('sha256').update(body).digest('hex');

function canonicalQuery(query) {
  const pairs = [];
  for (const name in query) {
    pairs.push(`${name}=${query[name]}`);
  }
  return pairs.join('&'); // expect: sorted-canonical-query
}

function canonicalHeaders(headers) {
  return Object.keys(headers) // expect: sorted-canonical-query
    .map((name) => `${name.toLowerCase()}:${String(headers[name]).trim()}\n`)
    .join('');
}

function sign(request, credentials, region) {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  request.headers['X-Amz-Date'] = amzDate;
  const signedHeaders = Object.keys(request.headers).map((name) => name.toLowerCase()).sort().join(';');
  const canonicalRequest = [
    request.method,
    request.path,
    canonicalQuery(request.query),
    canonicalHeaders(request.headers),
    signedHeaders,
    sha256(request.body || ''),
  ].join('\n');
  const scope = `${day}/${region}/dynamodb/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key = createHmac('sha256', `AWS4${credentials.secretAccessKey}`).update(day).digest();
  for (const part of [region, 'dynamodb', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  request.headers.Authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return request;
}

function get(host, path, query, credentials, region) {
  const request = sign({ method: 'GET', path, query, headers: { Host: host }, body: '' }, credentials, region);
  return new Promise((resolve, reject) => {
    // The wire query may be in any order: AWS sorts it itself before comparing.
    const req = https.request({ host, path: `${path}?${stringify(query)}`, headers: request.headers }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve(JSON.parse(data)));
    });
    req.on('error', reject);
    req.end();
  });
}

module.exports = { get, sign };
