// lib/storage/s3.js: backups of tenant exports to S3 over plain https (kept small on purpose).
'use strict';

const crypto = require('crypto');
const https = require('https');
const path = require('path');

class S3Store {
  constructor(options) {
    this.key = options.accessKeyId;
    this.secret = options.secretAccessKey;
    this.bucket = options.bucket;
    this.host = options.host || `${options.bucket}.s3.amazonaws.com`;
  }

  stringToSign(verb, contentType, date, resource, amzHeaders) {
    const canonicalAmz = Object.keys(amzHeaders)
      .sort()
      .map((name) => `${name}:${amzHeaders[name]}\n`)
      .join('');
    return `${verb}\n\n${contentType}\n${date}\n${canonicalAmz}/${this.bucket}${resource}`;
  }

  signature(text) {
    return crypto.createHmac('sha1', this.secret).update(text, 'utf8').digest('base64'); // expect: no-legacy-signature
  }

  authorization(verb, contentType, date, resource, amzHeaders) {
    const signature = this.signature(this.stringToSign(verb, contentType, date, resource, amzHeaders));
    return ['AWS ', this.key, ':', signature].join(''); // expect: no-legacy-signature
  }

  put(key, body, contentType = 'application/octet-stream') {
    const resource = '/' + key.split(path.sep).map(encodeURIComponent).join('/');
    const date = new Date().toUTCString();
    const amzHeaders = { 'x-amz-acl': 'private', 'x-amz-server-side-encryption': 'AES256' };
    const headers = Object.assign({}, amzHeaders, {
      Date: date,
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(body),
      Authorization: this.authorization('PUT', contentType, date, resource, amzHeaders),
    });
    return new Promise((resolve, reject) => {
      const req = https.request({ host: this.host, path: resource, method: 'PUT', headers }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve({ key, etag: res.headers.etag });
        else reject(new Error(`S3 PUT ${key} failed with ${res.statusCode}`));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  remove(key) {
    const resource = '/' + encodeURIComponent(key);
    const date = new Date().toUTCString();
    const headers = { Date: date, Authorization: this.authorization('DELETE', '', date, resource, {}) };
    return new Promise((resolve, reject) => {
      https
        .request({ host: this.host, path: resource, method: 'DELETE', headers }, (res) => {
          res.resume();
          res.statusCode === 204 ? resolve() : reject(new Error(`S3 DELETE failed with ${res.statusCode}`));
        })
        .on('error', reject)
        .end();
    });
  }
}

module.exports = S3Store;
