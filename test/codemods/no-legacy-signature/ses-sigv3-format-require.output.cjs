// SES through util.format on a required util, the credentials passed to the headers function one by one.
const https = require('https');
const { signRequest } = require('sigv4-migrate/sigv4');

function sesHeaders(keyId, secret) {
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
  };
}

function sendEmail(region, keys, params, callback) {
  const body = new URLSearchParams(params).toString();
  const req = https.request({
    hostname: `email.${region}.amazonaws.com`,
    method: 'POST',
    path: '/',
    headers: signRequest({ method: 'POST', url: `https://email.${region}.amazonaws.com/`, headers: sesHeaders(keys.accessKeyId, keys.secretAccessKey), body }, { service: 'ses', region, credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey } }).headers,
  }, (res) => callback(null, res.statusCode));
  req.on('error', callback);
  req.end(body);
}

module.exports = { sendEmail };
