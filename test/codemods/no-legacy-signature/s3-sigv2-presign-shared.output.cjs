// File storage for user uploads on S3: an upload and a download link, both signed by hand.
const https = require('https');
const { signRequest, presignUrl } = require('sigv4-migrate/sigv4');

const BUCKET = process.env.UPLOAD_BUCKET || 'acme-user-uploads';
const ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID;
const SECRET = process.env.AWS_SECRET_ACCESS_KEY;

function putObject(key, payload, contentType) {
  const body = String(payload);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: `${BUCKET}.s3-eu-west-1.amazonaws.com`,
        path: `/${key}`,
        method: 'PUT',
        headers: signRequest({
          method: 'PUT',
          url: `https://${BUCKET}.s3-eu-west-1.amazonaws.com/${key}`,
          headers: { 'Content-Type': String(contentType) },
          body
        }, { service: 's3', region: 'eu-west-1', credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET } }).headers,
      },
      (res) => (res.statusCode === 200 ? resolve(key) : reject(new Error(`S3 PUT ${res.statusCode}`))),
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Download links for the web app: valid for one hour.
function downloadUrl(key) {
  return presignUrl({ method: 'GET', url: `https://${BUCKET}.s3-eu-west-1.amazonaws.com/${key}` }, { service: 's3', region: 'eu-west-1', credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET }, expiresIn: 3600 }).url;
}

module.exports = { putObject, downloadUrl };
