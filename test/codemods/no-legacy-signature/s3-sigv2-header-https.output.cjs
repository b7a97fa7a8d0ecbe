// File storage for user uploads on S3: direct REST calls signed by hand.
const https = require('https');
const { signRequest } = require('sigv4-migrate/sigv4');

const BUCKET = process.env.UPLOAD_BUCKET || 'acme-user-uploads';
const REGION = process.env.UPLOAD_REGION || 'eu-west-1';
const ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID;
const SECRET = process.env.AWS_SECRET_ACCESS_KEY;

function putObject(key, body, contentType) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: `${BUCKET}.s3.${REGION}.amazonaws.com`,
        path: `/${encodeURIComponent(key)}`,
        method: 'PUT',
        headers: signRequest({
          method: 'PUT',
          url: `https://${BUCKET}.s3.${REGION}.amazonaws.com/${encodeURIComponent(key)}`,
          headers: { 'Content-Type': String(contentType), 'Content-Length': String(Buffer.byteLength(payload)) },
          body: payload
        }, { service: 's3', region: REGION, credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET } }).headers,
      },
      (res) => (res.statusCode === 200 ? resolve(key) : reject(new Error(`S3 PUT ${res.statusCode}`))),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

module.exports = { putObject };
