// SES through axios, credentials read from the environment inside the AWS3 string.
const axios = require('axios');
const { signRequest } = require('sigv4-migrate/sigv4');

const REGION = process.env.AWS_REGION || 'eu-west-1';

async function sendEmail(params) {
  const body = new URLSearchParams(params).toString();
  const signed = signRequest({
    method: 'POST',
    url: `https://email.${REGION}.amazonaws.com/`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  }, { service: 'ses', region: REGION, credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } });
  const { data } = await axios.post(signed.url, body, {
    headers: signed.headers,
    timeout: 10000,
  });
  return data;
}

module.exports = { sendEmail };
