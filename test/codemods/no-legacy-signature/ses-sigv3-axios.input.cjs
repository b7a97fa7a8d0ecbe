// SES through axios, credentials read from the environment inside the AWS3 string.
const crypto = require('crypto');
const axios = require('axios');

const REGION = process.env.AWS_REGION || 'eu-west-1';

async function sendEmail(params) {
  const date = new Date().toUTCString();
  const signature = crypto.createHmac('sha256', process.env.AWS_SECRET_ACCESS_KEY).update(date).digest('base64');
  const body = new URLSearchParams(params).toString();
  const { data } = await axios.post(`https://email.${REGION}.amazonaws.com/`, body, {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Date: date,
      'X-Amzn-Authorization': `AWS3-HTTPS AWSAccessKeyId=${process.env.AWS_ACCESS_KEY_ID},Algorithm=HmacSHA256,Signature=${signature}`,
    },
    timeout: 10000,
  });
  return data;
}

module.exports = { sendEmail };
