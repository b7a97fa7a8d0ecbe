// CommonJS SES client: the AWS3 header value is built in its own const.
const crypto = require("crypto")

const sesUrl = process.env.AWS_ENDPOINT_URL_SES || "https://email.us-east-1.amazonaws.com"

async function sendRawEmail(params, region, keys) {
  const body = new URLSearchParams(params).toString()
  const date = new Date().toUTCString()
  const signature = crypto.createHmac("sha256", keys.secretAccessKey).update(date).digest("base64")
  const auth = "AWS3-HTTPS AWSAccessKeyId=" + keys.accessKeyId + ",Algorithm=HmacSHA256,Signature=" + signature
  const response = await fetch(sesUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Date": date, "X-Amzn-Authorization": auth },
    body: body,
  })
  return response.ok
}

module.exports = { sendRawEmail }
