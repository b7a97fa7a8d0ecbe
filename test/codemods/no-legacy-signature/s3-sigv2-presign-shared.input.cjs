// File storage for user uploads on S3: an upload and a download link, both signed by hand.
const crypto = require('crypto');
const https = require('https');

const BUCKET = process.env.UPLOAD_BUCKET || 'acme-user-uploads';
const ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID;
const SECRET = process.env.AWS_SECRET_ACCESS_KEY;

function stringToSign(method, contentMd5, contentType, date, resource) {
  return [method, contentMd5, contentType, date, resource].join('\n');
}

function signV2(text) {
  return crypto.createHmac('sha1', SECRET).update(text).digest('base64');
}

function putObject(key, payload, contentType) {
  const date = new Date().toUTCString();
  const signature = signV2(stringToSign('PUT', '', contentType, date, `/${BUCKET}/${key}`));
  const body = String(payload);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: `${BUCKET}.s3-eu-west-1.amazonaws.com`,
        path: `/${key}`,
        method: 'PUT',
        headers: { Date: date, 'Content-Type': contentType, Authorization: 'AWS ' + ACCESS_KEY_ID + ':' + signature },
      },
      (res) => (res.statusCode === 200 ? resolve(key) : reject(new Error(`S3 PUT ${res.statusCode}`))),
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Download links for the web app: valid for one hour.
function downloadUrl(key) {
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const signature = signV2(stringToSign('GET', '', '', String(expires), `/${BUCKET}/${key}`));
  return `https://${BUCKET}.s3-eu-west-1.amazonaws.com/${key}?AWSAccessKeyId=${ACCESS_KEY_ID}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`;
}

module.exports = { putObject, downloadUrl };
