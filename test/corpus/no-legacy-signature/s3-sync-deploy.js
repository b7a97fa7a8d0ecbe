// scripts/deploy-static.js: syncs the built site to its bucket with node-s3-client.
const path = require('path');
const s3 = require('s3');

const BUILD_DIR = path.resolve(__dirname, '..', 'build');
const required = ['S3_DEPLOY_KEY', 'S3_DEPLOY_SECRET', 'S3_DEPLOY_BUCKET'];

const missing = required.filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.error(`deploy: missing ${missing.join(', ')}`);
  process.exit(1);
}

const client = s3.createClient({
  maxAsyncS3: 10,
  s3RetryCount: 3,
  s3Options: {
    accessKeyId: process.env.S3_DEPLOY_KEY,
    secretAccessKey: process.env.S3_DEPLOY_SECRET,
    region: process.env.S3_DEPLOY_REGION || 'us-east-1',
    signatureVersion: 's3', // expect: no-legacy-signature
  },
});

const uploader = client.uploadDir({
  localDir: BUILD_DIR,
  deleteRemoved: true,
  s3Params: { Bucket: process.env.S3_DEPLOY_BUCKET, Prefix: '', ACL: 'public-read' },
});

uploader.on('error', (err) => {
  console.error('deploy failed:', err.stack);
  process.exitCode = 1;
});
uploader.on('progress', () => {
  if (uploader.progressTotal) process.stdout.write(`\r${Math.round((uploader.progressAmount / uploader.progressTotal) * 100)}%`);
});
uploader.on('end', () => console.log('\ndeploy: done'));
