const axios = require('axios');
const { reportUploadUrl } = require('./storage');

async function publishReport(key, pdf) {
  const signedUrl = reportUploadUrl(key);
  await axios.put(signedUrl, pdf, { headers: { 'Content-Type': 'application/pdf' } });
}

module.exports = { publishReport };
