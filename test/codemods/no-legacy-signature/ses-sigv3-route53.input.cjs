// Updates a Route 53 record set with a hand-signed SigV3 request sent through the request package.
const crypto = require('crypto');
const request = require('request');

const ACCESS_KEY = process.env.AWS_ACCESS_KEY_ID;
const SECRET_KEY = process.env.AWS_SECRET_ACCESS_KEY;
const CHANGE_URL = 'https://route53.amazonaws.com/2013-04-01/hostedzone/Z1D633PJN98FT9/rrset';

function route53Headers(body) {
  const date = new Date().toUTCString();
  const signature = crypto.createHmac('sha256', SECRET_KEY).update(date).digest('base64');
  return {
    'Content-Type': 'text/xml',
    'x-amz-date': date,
    'X-Amzn-Authorization': `AWS3-HTTPS AWSAccessKeyId=${ACCESS_KEY},Algorithm=HmacSHA256,Signature=${signature}`,
  };
}

function changeRecord(changeXml, done) {
  const body = String(changeXml);
  request.post({ url: CHANGE_URL, headers: route53Headers(body), body }, done);
}

module.exports = { changeRecord };
