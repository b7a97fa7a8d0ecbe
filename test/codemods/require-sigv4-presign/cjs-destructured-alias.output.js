const { S3: Storage } = require("aws-sdk")

const storage = new Storage({ region: "us-west-2", signatureVersion: "v4", })

module.exports.link = function link(key) {
  return storage.getSignedUrl("putObject", { Bucket: "uploads", Key: key, Expires: 604800 /* SigV4 maximum (7 days); was 14 * 86400 */ })
}
