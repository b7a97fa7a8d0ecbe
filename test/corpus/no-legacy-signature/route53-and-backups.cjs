// Ops script: updates the status DNS record in Route 53 and pushes nightly backups to S3.
const crypto = require('crypto');
const fs = require('fs');
const request = require('request');

const ACCESS_KEY = process.env.AWS_ACCESS_KEY_ID;
const SECRET_KEY = process.env.AWS_SECRET_ACCESS_KEY;
const AUTH_HEADER = 'X-Amzn-Authorization'; // expect: no-legacy-signature

function route53Headers() {
  const date = new Date().toUTCString();
  const signature = crypto.createHmac('sha256', SECRET_KEY).update(date).digest('base64');
  return {
    'x-amz-date': date,
    [AUTH_HEADER]: `AWS3-HTTPS AWSAccessKeyId=${ACCESS_KEY},Algorithm=HmacSHA256,Signature=${signature}`, // expect: no-legacy-signature
  };
}

function changeRecord(zoneId, xmlBody, done) {
  request.post(
    { url: `https://route53.amazonaws.com/2013-04-01/hostedzone/${zoneId}/rrset`, headers: route53Headers(), body: xmlBody },
    done,
  );
}

const backupOptions = {
  url: 'https://acme-backups.s3.amazonaws.com/nightly.tar.gz',
  aws: { key: ACCESS_KEY, secret: SECRET_KEY, bucket: 'acme-backups' }, // expect: no-legacy-signature
};

function uploadBackup(file, done) {
  fs.createReadStream(file).pipe(request.put(backupOptions, done));
}

// The metrics bucket was migrated already.
function uploadMetrics(file, done) {
  fs.createReadStream(file).pipe(
    request.put({ url: 'https://acme-metrics.s3.amazonaws.com/m.json', aws: { key: ACCESS_KEY, secret: SECRET_KEY, bucket: 'acme-metrics', sign_version: 4 } }, done),
  );
}

module.exports = { changeRecord, uploadBackup, uploadMetrics };
