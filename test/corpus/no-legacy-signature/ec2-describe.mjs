// scripts/inventory.mjs: lists running EC2 instances for the nightly cost report.
import { createHmac } from 'node:crypto';
import { writeFile } from 'node:fs/promises';

const REGION = process.env.INVENTORY_REGION ?? 'us-east-1';
const HOST = `ec2.${REGION}.amazonaws.com`;
const API_VERSION = '2016-11-15';
const SIGNATURE_VERSION = 2;
const SIGNATURE_METHOD = 'HmacSHA256';

const encode = (value) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

function timestamp() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function describeInstancesQuery(accessKeyId) {
  return 'AWSAccessKeyId=' + encode(accessKeyId) + // expect: no-legacy-signature
    '&Action=DescribeInstances' +
    '&Filter.1.Name=instance-state-name&Filter.1.Value.1=running' +
    '&SignatureMethod=' + SIGNATURE_METHOD +
    '&SignatureVersion=' + SIGNATURE_VERSION +
    '&Timestamp=' + encode(timestamp()) +
    '&Version=' + API_VERSION;
}

function sign(query, secretAccessKey) {
  const toSign = ['GET', HOST, '/', query].join('\n');
  return createHmac('sha256', secretAccessKey).update(toSign).digest('base64');
}

async function describeRunning({ accessKeyId, secretAccessKey }) {
  const query = describeInstancesQuery(accessKeyId);
  const res = await fetch(`https://${HOST}/?${query}&Signature=${encode(sign(query, secretAccessKey))}`);
  const xml = await res.text();
  if (!res.ok) throw new Error(`DescribeInstances failed (${res.status}): ${xml.slice(0, 200)}`);
  return [...xml.matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>[\s\S]*?<instanceType>([\w.]+)<\/instanceType>/g)].map(
    ([, id, type]) => ({ id, type }),
  );
}

async function main() {
  const instances = await describeRunning({
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  });
  await writeFile('inventory.json', JSON.stringify({ region: REGION, instances }, null, 2));
  console.log(`${instances.length} running instances in ${REGION}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
