// Sends the CSV export with axios' config form.
const axios = require("axios");
const { getSignedUrl } = require("@aws-sdk/s3-request-presigner");
const { PutObjectCommand } = require("@aws-sdk/client-s3");

async function sendExport(s3, key, csv) {
  const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: "exports", Key: key, ContentType: "text/csv" }));
  return axios({
    method: "put",
    url: putUrl,
    data: csv,
    timeout: 10000,
    headers: { "Content-Type": "text/csv" }
  });
}

module.exports = { sendExport };
