// File storage for user uploads on S3: direct REST calls signed by hand, plus a knox client for listing.
const crypto = require('crypto');
const https = require('https');
const knox = require('knox'); // expect: no-legacy-signature

const BUCKET = process.env.UPLOAD_BUCKET || 'acme-user-uploads';
const ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID;
const SECRET = process.env.AWS_SECRET_ACCESS_KEY;

const listingClient = knox.createClient({ key: ACCESS_KEY_ID, secret: SECRET, bucket: BUCKET });

function stringToSign(method, contentMd5, contentType, date, resource) {
  return [method, contentMd5, contentType, date, resource].join('\n');
}

function signV2(text) {
  return crypto.createHmac('sha1', SECRET).update(text).digest('base64'); // expect: no-legacy-signature
}

function putObject(key, body, contentType) {
  const date = new Date().toUTCString();
  const resource = `/${BUCKET}/${key}`;
  const signature = signV2(stringToSign('PUT', '', contentType, date, resource));
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: `${BUCKET}.s3.amazonaws.com`,
        path: `/${encodeURIComponent(key)}`,
        method: 'PUT',
        headers: {
          Date: date,
          'Content-Type': contentType,
          'Content-Length': Buffer.byteLength(body),
          Authorization: 'AWS ' + ACCESS_KEY_ID + ':' + signature, // expect: no-legacy-signature
        },
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
  return `https://${BUCKET}.s3.amazonaws.com/${key}?AWSAccessKeyId=${ACCESS_KEY_ID}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`; // expect: no-legacy-signature
}

function listUploads(prefix) {
  return new Promise((resolve, reject) => {
    listingClient.list({ prefix }, (err, data) => (err ? reject(err) : resolve(data.Contents)));
  });
}

// Not a signature: the bucket's public website address.
const WEBSITE = 'http://' + BUCKET + '.s3-website-us-east-1.amazonaws.com';

module.exports = { putObject, downloadUrl, listUploads, WEBSITE };
