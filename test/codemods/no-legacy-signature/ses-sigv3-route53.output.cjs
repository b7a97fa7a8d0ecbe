// Updates a Route 53 record set with a hand-signed SigV3 request sent through the request package.
const request = require('request');
const { signRequest } = require('sigv4-migrate/sigv4');

const ACCESS_KEY = process.env.AWS_ACCESS_KEY_ID;
const SECRET_KEY = process.env.AWS_SECRET_ACCESS_KEY;
const CHANGE_URL = 'https://route53.amazonaws.com/2013-04-01/hostedzone/Z1D633PJN98FT9/rrset';

function route53Headers(body) {
  return signRequest({
    method: 'POST',
    url: CHANGE_URL,
    headers: { 'Content-Type': 'text/xml' },
    body
  }, { service: 'route53', region: 'us-east-1', credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY } }).headers;
}

function changeRecord(changeXml, done) {
  const body = String(changeXml);
  request.post({ url: CHANGE_URL, headers: route53Headers(body), body }, done);
}

module.exports = { changeRecord };
