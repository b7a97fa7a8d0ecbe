// scripts/restore-fixtures.cjs: uploads fixture archives into the staging bucket through presigned URLs
// that the staging API mints (it signs them with ContentType 'application/gzip').
'use strict';

const { request } = require('undici');
const fs = require('fs');
const path = require('path');

const API = process.env.STAGING_API || 'http://localhost:4000';

async function presignedPutUrl(name) {
  const { statusCode, body } = await request(`${API}/fixtures/upload-url?name=${encodeURIComponent(name)}`);
  if (statusCode !== 200) throw new Error(`could not presign ${name}: ${statusCode}`);
  const json = await body.json();
  return json.presignedUrl;
}

async function uploadFixture(file) {
  const presignedUrl = await presignedPutUrl(path.basename(file));
  const { statusCode, body } = await request(presignedUrl, { // expect: presigned-put-content-type
    method: 'PUT',
    body: fs.createReadStream(file),
    headers: { 'content-length': String(fs.statSync(file).size) },
  });
  const text = await body.text();
  if (statusCode !== 200) throw new Error(`upload of ${file} failed: ${statusCode} ${text}`);
}

async function main(dir) {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.tar.gz'));
  for (const name of files) {
    await uploadFixture(path.join(dir, name));
    console.log(`uploaded ${name}`);
  }
}

main(process.argv[2] || 'fixtures').catch((err) => {
  console.error(err.message);
  process.exit(1);
});
