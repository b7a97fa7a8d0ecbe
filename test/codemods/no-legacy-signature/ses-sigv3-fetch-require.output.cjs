// CommonJS SES client: the AWS3 header value is built in its own const.
const { signRequest } = require("sigv4-migrate/sigv4")

const sesUrl = process.env.AWS_ENDPOINT_URL_SES || "https://email.us-east-1.amazonaws.com"

async function sendRawEmail(params, region, keys) {
  const body = new URLSearchParams(params).toString()
  const signed = signRequest({
    method: "POST",
    url: sesUrl,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  }, { service: "ses", region, credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey } })
  const response = await fetch(signed.url, {
    method: "POST",
    headers: signed.headers,
    body: body,
  })
  return response.ok
}

module.exports = { sendRawEmail }
