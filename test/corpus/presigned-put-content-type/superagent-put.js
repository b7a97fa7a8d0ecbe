// lib/exports/push.js: pushes nightly JSON exports to partners' buckets via URLs they presign for us.
'use strict';

const request = require('superagent');
const zlib = require('zlib');
const { promisify } = require('util');

const gzip = promisify(zlib.gzip);

async function fetchTarget(partner, date) {
  const res = await request
    .post(`${partner.apiBase}/exports/targets`)
    .set('Authorization', `Bearer ${partner.token}`)
    .send({ date, format: 'json.gz' });
  return res.body;
}

async function pushExport(partner, date, records) {
  const target = await fetchTarget(partner, date);
  const payload = await gzip(Buffer.from(JSON.stringify(records)));
  const res = await request.put(target.signedUrl).set('Content-Encoding', 'gzip').send(payload); // expect: presigned-put-content-type
  if (res.status !== 200) throw new Error(`partner ${partner.id}: upload answered ${res.status}`);
  return { partner: partner.id, bytes: payload.length };
}

async function pushAll(partners, date, recordsFor) {
  const results = [];
  for (const partner of partners) {
    try {
      results.push(await pushExport(partner, date, await recordsFor(partner)));
    } catch (err) {
      results.push({ partner: partner.id, error: err.message });
    }
  }
  return results;
}

module.exports = { pushExport, pushAll };
