// Seed case in CommonJS, double quotes and no semicolons.
"use strict"
const crypto = require("crypto")

const sha256Hex = (data) => crypto.createHash("sha256").update(data).digest("hex")

function canonicalRequestFor(host, amzDate, to) {
  const query = "Action=SendEmail&Source=" + encodeURIComponent("alerts@example.com") + "&Destination.ToAddresses.member.1=" + encodeURIComponent(to)
  return ["GET", "/", query, "host:" + host + "\nx-amz-date:" + amzDate + "\n", "host;x-amz-date", sha256Hex("")].join("\n")
}

module.exports = { canonicalRequestFor, algorithm: "AWS4-HMAC-SHA256" }
