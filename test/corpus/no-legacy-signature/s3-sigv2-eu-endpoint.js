// lib/assets.js: product images live in an EU bucket, so requests go to the Ireland endpoint (S3 REST, signed by hand).
'use strict';

const crypto = require('crypto');
const https = require('https');

const S3_HOST = 's3-eu-west-1.amazonaws.com';
const BUCKET = 'acme-product-images';
const KEY_ID = process.env.ASSETS_KEY_ID;
const SECRET = process.env.ASSETS_SECRET;

function sign(stringToSign) {
  return crypto.createHmac('sha1', SECRET).update(stringToSign).digest('base64'); // expect: no-legacy-signature
}

function uploadImage(name, svg) {
  const date = new Date().toUTCString();
  const signature = sign(`PUT\n\nimage/svg+xml\n${date}\nx-amz-acl:public-read\n/${BUCKET}/${name}`);
  const body = String(svg);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: S3_HOST,
        path: `/${BUCKET}/${name}`,
        method: 'PUT',
        headers: {
          'Content-Type': 'image/svg+xml',
          'x-amz-acl': 'public-read',
          Date: date,
          Authorization: `AWS ${KEY_ID}:${signature}`, // expect: no-legacy-signature
        },
      },
      (res) => {
        res.resume();
        if (res.statusCode === 200) resolve(`https://${S3_HOST}/${BUCKET}/${name}`);
        else reject(new Error(`upload of ${name} failed: ${res.statusCode}`));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Originals are private: the admin UI gets a link that works for ten minutes.
function originalLink(name) {
  const expires = Math.floor(Date.now() / 1000) + 600;
  const signature = sign(`GET\n\n\n${expires}\n/${BUCKET}/originals/${name}`);
  return `https://${S3_HOST}/${BUCKET}/originals/${name}?AWSAccessKeyId=${KEY_ID}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`; // expect: no-legacy-signature
}

module.exports = { uploadImage, originalLink };
