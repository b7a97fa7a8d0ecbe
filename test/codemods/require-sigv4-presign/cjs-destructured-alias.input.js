const { S3: Storage } = require("aws-sdk")

const storage = new Storage({ region: "us-west-2", })

module.exports.link = function link(key) {
  return storage.getSignedUrl("putObject", { Bucket: "uploads", Key: key, Expires: 14 * 86400 })
}
