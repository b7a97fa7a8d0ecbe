// Outcomes of the presigned-put-content-type codemod that fixture pairs cannot show: what stays
// manual (with which to-do), and the cross-file case where the presign lives in an imported module.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { rules } from '../../rules/index';
import { migrate, migrateSource } from '../../src/migrate';
import type { FindingReport } from '../../src/migrate';

const RULE = 'presigned-put-content-type';

function migrateOne(text: string, fileName = 'upload.js') {
  return migrateSource({ filePath: join(tmpdir(), 'sigv4-migrate-fixture', fileName), text, rules: { [RULE]: rules[RULE] } });
}

function onlyFinding(findings: readonly FindingReport[]): FindingReport {
  assert.equal(findings.length, 1, JSON.stringify(findings));
  return findings[0]!;
}

describe('presigned-put-content-type codemod: manual outcomes', () => {
  it('a URL known only by its name gets no guessed type, and the to-do says where the type comes from', () => {
    const text = `import axios from 'axios';
export const upload = (uploadUrl, bytes) => axios.put(uploadUrl, new Uint8Array(bytes));
`;
    const result = migrateOne(text);
    const finding = onlyFinding(result.findings);
    assert.equal(result.output, text);
    assert.equal(finding.status, 'manual');
    assert.match(finding.message, /^axios sends 'application\/x-www-form-urlencoded'/);
    assert.equal(finding.why, 'The URL is known only by its name, so the type it was presigned with is not visible here.');
    assert.equal(result.remaining, 1);
  });

  it("an object body: making 'application/json' explicit is not offered as a fix", () => {
    const text = `import axios from 'axios';
export const save = (signedUrl, settings) => axios.put(signedUrl, { ...settings, savedAt: Date.now() });
`;
    const finding = onlyFinding(migrateOne(text).findings);
    assert.equal(finding.status, 'manual');
    assert.match(finding.message, /^axios sends 'application\/json' for this body/);
    assert.match(finding.why ?? '', /known only by its name/);
  });

  it('a body that is a File only by its name: the to-do proposes its `.type`', () => {
    const text = `import axios from 'axios';
export const send = (presignedUrl, file) => axios.put(presignedUrl, file);
`;
    const result = migrateOne(text);
    const finding = onlyFinding(result.findings);
    assert.equal(result.output, text);
    assert.equal(finding.status, 'manual');
    assert.match(finding.why ?? '', /known only by its name/);
  });

  it('presigns with different types: no fix, and the to-do lists them', () => {
    const text = `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
function presign(kind) {
  if (kind === 'png') return s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  return s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.jpg', ContentType: 'image/jpeg' });
}
export const upload = (kind, data) => axios.put(presign(kind), data);
`;
    const result = migrateOne(text);
    const finding = onlyFinding(result.findings);
    assert.equal(result.output, text);
    assert.equal(finding.status, 'manual');
    assert.match(finding.why ?? '', /'image\/png' \(line 5\), 'image\/jpeg' \(line 6\)/);
  });

  it('a presign whose ContentType is an expression: the to-do names it', () => {
    const text = `import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import got from 'got';
export async function upload(s3, key, typeOf, data) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: key, ContentType: await typeOf(key) }));
  await got.put(url, { body: data });
}
`;
    const finding = onlyFinding(migrateOne(text).findings);
    assert.equal(finding.status, 'manual');
    assert.match(finding.why ?? '', /known only at run time/);
    assert.match(finding.why ?? '', /`await typeOf\(key\)` \(line 5\)/);
  });

  it('a URL from a local request that names no type: the to-do says which call asked for it', () => {
    const text = `import axios from 'axios';
async function fetchTarget(name) {
  return (await axios.post('/targets', { name })).data;
}
export async function push(name, text) {
  const target = await fetchTarget(name);
  await axios.put(target.signedUrl, Buffer.from(text));
}
`;
    const finding = onlyFinding(migrateOne(text).findings);
    assert.equal(finding.status, 'manual');
    assert.match(finding.why ?? '', /The URL comes from `fetchTarget\(…\)` on line 6, whose request names no type to sign/);
  });

  it('the type asked of the server is sent, and the report names its line', () => {
    const text = `import axios from 'axios';
async function fetchTarget(file) {
  return (await axios.post('/targets', { name: file.name, mimeType: file.type })).data;
}
export async function push(file) {
  const target = await fetchTarget(file);
  await axios.put(target.signedUrl, await file.arrayBuffer());
}
`;
    const result = migrateOne(text);
    const finding = onlyFinding(result.findings);
    assert.equal(finding.status, 'fixed');
    assert.equal(finding.action, 'adds Content-Type `file.type`, the type this code asks the server to sign on line 3');
    assert.equal(result.output, text.replace('await file.arrayBuffer())', "await file.arrayBuffer(), { headers: { 'Content-Type': file.type } })"));
  });

  it('a signed literal with no place to add the header (XHR open under an if): the to-do gives the value', () => {
    const text = `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export function upload(ok) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'text/csv' });
  const xhr = new XMLHttpRequest();
  if (ok) xhr.open('PUT', url);
  xhr.send('a,b');
}
`;
    const result = migrateOne(text);
    const finding = onlyFinding(result.findings);
    assert.equal(result.output, text);
    assert.equal(finding.status, 'manual');
    assert.match(finding.message, /the URL was presigned for 'text\/csv'/);
    assert.match(finding.why ?? '', /^This request's headers have no place of their own for it/);
  });

  it('a mismatched value in a headers object other requests share stays as it is', () => {
    const text = `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
const headers = { 'Content-Type': 'image/jpeg' };
export async function upload(photo) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/png' });
  await fetch(url, { method: 'PUT', body: photo, headers });
  await fetch('/api/photos', { method: 'POST', body: photo, headers });
}
`;
    const result = migrateOne(text);
    const finding = onlyFinding(result.findings);
    assert.equal(result.output, text);
    assert.equal(finding.status, 'manual');
    assert.match(finding.message, /the URL was presigned for 'image\/png'/);
    assert.equal(finding.why, '`headers` is used by other code too, so its value is left as it is.');
  });

  it('a mismatched value in a headers object used by this request only is replaced', () => {
    const text = `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export async function upload(photo) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/png' });
  const headers = { 'Content-Type': 'image/jpeg' };
  await fetch(url, { method: 'PUT', body: photo, headers });
}
`;
    const result = migrateOne(text);
    assert.equal(onlyFinding(result.findings).status, 'fixed');
    assert.equal(result.output, text.replace("'image/jpeg'", "'image/png'"));
    assert.equal(result.remaining, 0);
  });
});

describe('presigned-put-content-type codemod: line endings', () => {
  it('a CRLF file gets the header on a CRLF line', () => {
    const text = [
      "const AWS = require('aws-sdk');",
      'const s3 = new AWS.S3();',
      'async function upload(bytes) {',
      "  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/png' });",
      '  await fetch(url, {',
      "    method: 'PUT',",
      '    body: bytes',
      '  });',
      '}',
      'module.exports = { upload };',
      '',
    ].join('\r\n');
    const result = migrateOne(text, 'upload.cjs');
    assert.equal(result.output, text.replace('    body: bytes\r\n', "    body: bytes,\r\n    headers: { 'Content-Type': 'image/png' }\r\n"));
    assert.equal(result.output.split('\n').length, result.output.split('\r\n').length);
  });
});

describe('presigned-put-content-type codemod: presign in an imported module', () => {
  const root = mkdtempSync(join(tmpdir(), 'sigv4-migrate-put-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src'));
  writeFileSync(
    join(root, 'src', 's3.ts'),
    `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({});
export async function createCsvUploadUrl(key: string) {
  return getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: key, ContentType: 'text/csv' }));
}
export const createAnyUploadUrl = (key: string, type: string) =>
  getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: key, ContentType: type }));
export const createOpenUploadUrl = (key: string) => getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: key }));
`,
  );
  const client = `import axios from 'axios';
import { createAnyUploadUrl, createCsvUploadUrl, createOpenUploadUrl } from './s3';
import { fetchUploadUrl } from './not-migrated';
export async function sendCsv(csv: string) {
  const uploadUrl = await createCsvUploadUrl('a.csv');
  await axios.put(uploadUrl, csv);
}
export async function sendAny(data: Buffer, type: string) {
  const uploadUrl = await createAnyUploadUrl('a.bin', type);
  await fetch(uploadUrl, { method: 'PUT', body: data });
}
export async function sendOpen(data: Buffer) {
  const uploadUrl = await createOpenUploadUrl('open.bin');
  await fetch(uploadUrl, { method: 'PUT', body: data });
}
export async function sendElsewhere(data: Buffer) {
  const uploadUrl = await fetchUploadUrl();
  await fetch(uploadUrl, { method: 'PUT', body: data });
}
`;
  writeFileSync(join(root, 'src', 'client.ts'), client);

  writeFileSync(
    join(root, 'src', 'presign.cjs'),
    `const AWS = require('aws-sdk');
const s3 = new AWS.S3({ signatureVersion: 'v4' });
function thumbnailUrl(key) {
  return s3.getSignedUrl('putObject', { Bucket: 'b', Key: key, ContentType: 'image/webp' });
}
exports.reportUrl = (key) => s3.getSignedUrl('putObject', { Bucket: 'b', Key: key, ContentType: 'application/pdf' });
module.exports = { ...module.exports, thumbnailUrl };
`,
  );
  const commonJsClient = `const got = require('got');
const { reportUrl, thumbnailUrl } = require('./presign.cjs');
async function pushThumbnail(key, webp) {
  const signedUrl = thumbnailUrl(key);
  await got.put(signedUrl, { body: webp });
}
async function pushReport(key, pdf) {
  const uploadUrl = reportUrl(key);
  await got.put(uploadUrl, { body: pdf });
}
module.exports = { pushThumbnail, pushReport };
`;
  writeFileSync(join(root, 'src', 'client.cjs'), commonJsClient);

  writeFileSync(
    join(root, 'src', 'covers.mjs'),
    `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
export async function coverUploadUrl(id) {
  const key = \`covers/\${id}.webp\`;
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: key, ContentType: 'image/webp' });
  return { key, url };
}
`,
  );
  const coversClient = `import { coverUploadUrl } from './covers.mjs';
export async function copyCover(id, bytes) {
  const { url, key } = await coverUploadUrl(id);
  await fetch(url, { method: 'PUT', body: bytes });
  const target = await coverUploadUrl(id);
  await fetch(target.url, { method: 'PUT', body: bytes });
  return key;
}
`;
  writeFileSync(join(root, 'src', 'sync-covers.mjs'), coversClient);

  it("adds the literal the imported function's presign signed, and names the expression otherwise", async () => {
    const changed = new Map<string, string>();
    const report = await migrate({
      cwd: root,
      paths: ['src'],
      dryRun: true,
      only: [RULE],
      onChange: (change) => changed.set(change.path, change.after),
    });
    assert.deepEqual([...changed.keys()].sort(), ['src/client.cjs', 'src/client.ts', 'src/sync-covers.mjs']);
    assert.equal(
      changed.get('src/sync-covers.mjs'),
      coversClient.replaceAll('body: bytes }', "body: bytes, headers: { 'Content-Type': 'image/webp' } }"),
    );
    assert.equal(
      changed.get('src/client.cjs'),
      commonJsClient
        .replace('{ body: webp }', "{ body: webp, headers: { 'Content-Type': 'image/webp' } }")
        .replace('{ body: pdf }', "{ body: pdf, headers: { 'Content-Type': 'application/pdf' } }"),
    );
    assert.equal(
      changed.get('src/client.ts'),
      client.replace('axios.put(uploadUrl, csv)', "axios.put(uploadUrl, csv, { headers: { 'Content-Type': 'text/csv' } })"),
    );
    const findings = report.files.find((file) => file.path === 'src/client.ts')?.findings ?? [];
    assert.deepEqual(findings.map((finding) => [finding.line, finding.status]), [[6, 'would-fix'], [10, 'manual'], [14, 'manual'], [18, 'manual']]);
    assert.match(findings[0]!.action ?? '', /^adds Content-Type 'text\/csv', the type the URL was presigned with in s3\.ts:5/);
    assert.match(findings[1]!.why ?? '', /presigned in s3\.ts:8 with ContentType `type`/);
    assert.match(findings[2]!.why ?? '', /^The URL is presigned in s3\.ts:9 without a ContentType, so any type uploads/);
    assert.match(findings[3]!.why ?? '', /comes from `fetchUploadUrl` of '\.\/not-migrated', where no presign could be read/);
  });
});
