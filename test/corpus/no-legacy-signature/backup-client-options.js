// scripts/backup.js: nightly tarball upload to the backup bucket (s3 settings keyed like the old s3 CLI wrapper).
const AWS = require('aws-sdk');
const fs = require('fs');
const zlib = require('zlib');

const backupSettings = require('./backup-settings.json');

const clientOpts = {
  maxAsyncS3: 20,
  s3RetryCount: 3,
  multipartUploadThreshold: 20 * 1024 * 1024,
  s3Options: {
    accessKeyId: backupSettings.accessKey,
    secretAccessKey: backupSettings.secretKey,
    region: backupSettings.region,
    signatureVersion: 'v3', // expect: no-legacy-signature
    sslEnabled: true,
  },
};

const backups = {};
backups.client = new AWS.S3(clientOpts['s3Options']);

backups.enabled = function enabled() {
  return Boolean(backupSettings.bucket && backupSettings.accessKey);
};

backups.upload = function upload(file, done) {
  if (!backups.enabled()) return done(new Error('backups are not configured'));
  const body = fs.createReadStream(file).pipe(zlib.createGzip());
  const params = { Bucket: backupSettings.bucket, Key: `nightly/${Date.now()}.tar.gz`, Body: body };
  backups.client.upload(params, { partSize: clientOpts.multipartUploadThreshold }, (err, data) => {
    if (err) return done(err);
    return done(null, data.Location);
  });
  return undefined;
};

module.exports = backups;
