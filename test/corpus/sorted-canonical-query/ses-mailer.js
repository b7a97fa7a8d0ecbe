// mailer.js of a small Node service: sends e-mail through the SES Query API with a signer written
// by hand years ago (no SDK in the Lambda bundle to keep it small).
'use strict';

const https = require('https');
const crypto = require('crypto');

const REGION = process.env.SES_REGION || 'eu-west-1';
const HOST = `email.${REGION}.amazonaws.com`;

function sha256(data) {
  return crypto.createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

function amzDateOf(date) {
  return date.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

function signingKey(secret, dateStamp) {
  const kDate = hmac('AWS4' + secret, dateStamp);
  const kRegion = hmac(kDate, REGION);
  const kService = hmac(kRegion, 'ses');
  return hmac(kService, 'aws4_request');
}

function sendEmail(credentials, from, to, subject, text, callback) {
  const now = new Date();
  const amzDate = amzDateOf(now);
  const dateStamp = amzDate.slice(0, 8);

  // Parameters in the order the SES documentation lists them.
  const query = 'Action=SendEmail' + // expect: sorted-canonical-query
    '&Source=' + encodeURIComponent(from) + // expect: sorted-canonical-query
    '&Destination.ToAddresses.member.1=' + encodeURIComponent(to) + // expect: sorted-canonical-query
    '&Message.Subject.Data=' + encodeURIComponent(subject) + // expect: sorted-canonical-query
    '&Message.Body.Text.Data=' + encodeURIComponent(text); // expect: sorted-canonical-query

  const canonicalHeaders = 'host:' + HOST + '\n' + 'x-amz-date:' + amzDate + '\n';
  const signedHeaders = 'host;x-amz-date';
  const payloadHash = sha256('');
  const canonicalRequest = ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\n');

  const scope = dateStamp + '/' + REGION + '/ses/aws4_request';
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signature = crypto
    .createHmac('sha256', signingKey(credentials.secretAccessKey, dateStamp))
    .update(stringToSign, 'utf8')
    .digest('hex');

  const authorization =
    'AWS4-HMAC-SHA256 Credential=' + credentials.accessKeyId + '/' + scope +
    ', SignedHeaders=' + signedHeaders + ', Signature=' + signature;

  const request = https.request(
    {
      host: HOST,
      path: '/?' + query,
      method: 'GET',
      headers: { 'X-Amz-Date': amzDate, Authorization: authorization },
    },
    (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => callback(response.statusCode === 200 ? null : new Error(body), body));
    },
  );
  request.on('error', callback);
  request.end();
}

module.exports = { sendEmail };
