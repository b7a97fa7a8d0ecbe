// lib/mail/ses.js: SES SendEmail signed with SigV4 by aws4 (the SigV3 header code was removed in 2021).
'use strict';

const https = require('https');
const querystring = require('querystring');
const aws4 = require('aws4');

class SesMailer {
  constructor(options) {
    this.region = options.region || 'us-east-1';
    this.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
    this.from = options.from;
  }

  request(form) {
    const body = querystring.stringify(form);
    const opts = aws4.sign(
      {
        service: 'ses',
        region: this.region,
        method: 'POST',
        path: '/',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      },
      this.credentials,
    );
    return new Promise((resolve, reject) => {
      const req = https.request(opts, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`SES ${res.statusCode}: ${text}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  send(to, subject, text) {
    return this.request({
      Action: 'SendEmail',
      Source: this.from,
      'Destination.ToAddresses.member.1': to,
      'Message.Subject.Data': subject,
      'Message.Body.Text.Data': text,
    });
  }
}

module.exports = SesMailer;
