// File storage for user uploads on S3: direct REST calls signed by hand.
const crypto = require('crypto');
const https = require('https');

const BUCKET = process.env.UPLOAD_BUCKET || 'acme-user-uploads';
const REGION = process.env.UPLOAD_REGION || 'eu-west-1';
const ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID;
const SECRET = process.env.AWS_SECRET_ACCESS_KEY;

function stringToSign(method, contentMd5, contentType, date, resource) {
  return [method, contentMd5, contentType, date, resource].join('\n');
}

function signV2(text) {
  return crypto.createHmac('sha1', SECRET).update(text).digest('base64');
}

function putObject(key, body, contentType) {
  const date = new Date().toUTCString();
  const resource = `/${BUCKET}/${key}`;
  const signature = signV2(stringToSign('PUT', '', contentType, date, resource));
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: `${BUCKET}.s3.${REGION}.amazonaws.com`,
        path: `/${encodeURIComponent(key)}`,
        method: 'PUT',
        headers: {
          Date: date,
          'Content-Type': contentType,
          'Content-Length': Buffer.byteLength(payload),
          Authorization: 'AWS ' + ACCESS_KEY_ID + ':' + signature,
        },
      },
      (res) => (res.statusCode === 200 ? resolve(key) : reject(new Error(`S3 PUT ${res.statusCode}`))),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

module.exports = { putObject };
