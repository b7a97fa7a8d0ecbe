// lib/blob-store.js: object storage for the render farm; the on-site gateway still only checks SigV2.
'use strict';
const AWS = require('aws-sdk');
const { EventEmitter } = require('events');

const DEFAULT_TIMEOUT_MS = 30 * 1000;

class BlobStore extends EventEmitter {
  constructor(settings) {
    super();
    this.bucket = settings.bucket;
    this.s3opts = {
      endpoint: settings.endpoint,
      s3ForcePathStyle: true,
      sslEnabled: settings.tls !== false,
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      httpOptions: { timeout: settings.timeoutMs || DEFAULT_TIMEOUT_MS },
    };
    // The gateway answers 403 to SigV4; keep it on the old scheme until it is replaced.
    this.s3opts.signatureVersion = 's3'; // expect: no-legacy-signature
    this.s3 = new AWS.S3(this.s3opts);
  }

  async put(key, body, contentType) {
    try {
      await this.s3.putObject({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }).promise();
      this.emit('stored', key);
      return key;
    } catch (err) {
      this.emit('error', err);
      throw new Error(`blob-store: could not store ${key}: ${err.code || err.message}`);
    }
  }

  async get(key) {
    const out = await this.s3.getObject({ Bucket: this.bucket, Key: key }).promise();
    return out.Body;
  }

  async remove(key) {
    await this.s3.deleteObject({ Bucket: this.bucket, Key: key }).promise();
  }
}

module.exports = { BlobStore };
