// Nightly job (aws-sdk v2, CommonJS) that ships database dumps to S3 through presigned URLs,
// so the worker host never holds write credentials for the bucket.
'use strict';

const AWS = require('aws-sdk');
const fs = require('fs');
const https = require('https');
const { URL } = require('url');

const s3 = new AWS.S3({ signatureVersion: 'v4', region: 'eu-central-1' });

function presignDump(key) {
  return s3.getSignedUrlPromise('putObject', {
    Bucket: 'db-dumps',
    Key: key,
    ContentType: 'application/gzip',
    Expires: 3600,
  });
}

function putFile(signedUrl, file) {
  const { size } = fs.statSync(file);
  return new Promise((resolve, reject) => {
    const req = https.request(signedUrl, { method: 'PUT', headers: { 'Content-Length': size } }); // expect: presigned-put-content-type
    req.on('response', (res) => (res.statusCode === 200 ? resolve() : reject(new Error(`S3 said ${res.statusCode}`))));
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

function putFileTyped(url, file) {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = https.request({
      hostname: target.hostname,
      path: target.pathname + target.search,
      method: 'PUT',
      headers: { 'Content-Type': 'application/gzip', 'Content-Length': fs.statSync(file).size },
    });
    req.on('response', () => resolve());
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

async function shipDump(file) {
  const url = await presignDump(`nightly/${Date.now()}.sql.gz`);
  await putFile(url, file);
}

async function shipDumpTyped(file) {
  const url = await presignDump(`nightly/${Date.now()}.sql.gz`);
  await putFileTyped(url, file);
}

async function shipChecksum(sum) {
  const checksumUrl = s3.getSignedUrl('putObject', { Bucket: 'db-dumps', Key: 'nightly/latest.sha256', ContentType: 'text/plain' });
  const req = https.request(checksumUrl, { method: 'PUT' }); // expect: presigned-put-content-type
  req.end(Buffer.from(sum));
}

module.exports = { shipDump, shipDumpTyped, shipChecksum };
