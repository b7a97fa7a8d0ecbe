// Build step that publishes the static site: presigns each object with SDK v3, then PUTs it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import axios from 'axios';

const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1' });
const Bucket = process.env.SITE_BUCKET;

const TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript' };

async function presignPut(Key, ContentType) {
  return getSignedUrl(s3, new PutObjectCommand({ Bucket, Key, ContentType }), { expiresIn: 900 });
}

export async function publishFile(file) {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const url = await presignPut(path.basename(file), type);
  await axios.put(url, await readFile(file), { headers: { 'Content-Type': type } });
}

export async function publishIndex() {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: 'index.html', ContentType: 'text/html' }), {
    expiresIn: 900,
  });
  const html = await readFile('dist/index.html');
  await axios.put(url, html); // expect: presigned-put-content-type
}

export async function publishRobots() {
  const command = new PutObjectCommand({ Bucket, Key: 'robots.txt', ContentType: 'text/plain; charset=utf-8' });
  const url = await getSignedUrl(s3, command, { expiresIn: 900 });
  await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'text/plain' }, // expect: presigned-put-content-type
    body: 'User-agent: *\nAllow: /\n',
  });
}

export async function publishSitemap(xml) {
  const signedUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: 'sitemap.xml', ContentType: 'application/xml' }));
  const res = await fetch(signedUrl, { method: 'PUT', body: xml }); // expect: presigned-put-content-type
  if (!res.ok) throw new Error(await res.text());
}

export async function readBack(Key) {
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key }));
  return (await fetch(url)).text();
}

export async function publishUntyped(Key, body) {
  // No ContentType in the presign: SigV4 signs only `host`, any Content-Type is accepted.
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key }));
  await axios.put(url, body);
}
