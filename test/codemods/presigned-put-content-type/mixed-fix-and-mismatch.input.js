// Two uploads in one file: one sends nothing, one sends the wrong type.
const axios = require('axios');
const AWS = require('aws-sdk');

const s3 = new AWS.S3();

async function uploadBoth(gif, raw) {
  const gifUrl = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'a.gif', ContentType: 'image/gif' });
  await axios.put(gifUrl, gif);
  const rawUrl = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'raw', ContentType: 'application/octet-stream' });
  await axios.put(rawUrl, raw, { headers: { 'Content-Type': `binary/octet-stream` } });
}

module.exports = { uploadBoth };
