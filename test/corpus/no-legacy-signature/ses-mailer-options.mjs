// src/mail/ses-transport.mjs: a nodemailer-like transport that posts to SES itself.
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';

const DEFAULTS = Object.freeze({
  amazon: 'https://email.us-east-1.amazonaws.com',
  algorithm: 'HmacSHA256',
  scheme: 'AWS3-HTTPS',
  authHeader: 'X-Amzn-Authorization', // expect: no-legacy-signature
  timeout: 10_000,
});

export class SesTransport extends EventEmitter {
  constructor(options = {}) {
    super();
    this.options = { ...DEFAULTS, ...options };
    if (!this.options.key || !this.options.secret) throw new TypeError('SesTransport: key and secret are required');
  }

  signature(date) {
    const algorithm = this.options.algorithm.replace(/^Hmac/i, '').toLowerCase();
    return crypto.createHmac(algorithm, this.options.secret).update(date).digest('base64');
  }

  headers(body) {
    const date = new Date().toUTCString();
    const { scheme, key, algorithm, authHeader } = this.options;
    return {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      Date: date,
      [authHeader]: `${scheme} AWSAccessKeyId=${key}, Algorithm=${algorithm}, Signature=${this.signature(date)}`, // expect: no-legacy-signature
    };
  }

  async sendRaw(rawMessage) {
    const body = new URLSearchParams({
      Action: 'SendRawEmail',
      'RawMessage.Data': Buffer.from(rawMessage).toString('base64'),
    }).toString();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeout);
    try {
      const res = await fetch(this.options.amazon, { method: 'POST', headers: this.headers(body), body, signal: controller.signal });
      const text = await res.text();
      if (!res.ok) {
        const error = new Error(`SES ${res.status}`);
        error.response = text;
        this.emit('error', error);
        throw error;
      }
      this.emit('sent', text);
      return text;
    } finally {
      clearTimeout(timer);
    }
  }
}

export default function createTransport(options) {
  return new SesTransport(options);
}
