// superagent: the target request sends the wanted type; the upload is a gzip Buffer.
const request = require('superagent');

async function fetchTarget(base) {
  const res = await request.post(`${base}/targets`).send({ mimeType: 'application/gzip' });
  return res.body;
}

async function pushExport(base, records) {
  const payload = Buffer.from(JSON.stringify(records));
  const target = await fetchTarget(base);
  return request.put(target.signedUrl).set('Content-Encoding', 'gzip').send(payload);
}

module.exports = { pushExport };
