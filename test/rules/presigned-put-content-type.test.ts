// Tests for presigned-put-content-type: every client and presign style, under @typescript-eslint/parser,
// and the plain-JavaScript cases again under espree (ESLint's default parser).
import type { InvalidTestCase, TestLanguageOptions, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/presigned-put-content-type';
import type { MessageId } from '../../rules/presigned-put-content-type';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

type Invalid = InvalidTestCase<MessageId, []>;
type Valid = ValidTestCase<[]>;

// The rule tester bundles its own @typescript-eslint/utils, whose RuleModule type is nominally different.
const testedRule = rule as unknown as Parameters<typeof typescriptRuleTester.run<MessageId, []>>[1];

// ESLint's flat config accepts `sourceType: 'commonjs'` at run time; the tester's type predates it.
const commonjs = { sourceType: 'commonjs' } as unknown as TestLanguageOptions;

/** Plain JavaScript: run under both parsers. */
const javascriptValid: Valid[] = [
  {
    name: 'axios.put with headers Content-Type',
    code: `import axios from 'axios';
export const upload = (signedUrl, file) => axios.put(signedUrl, file, { headers: { 'Content-Type': file.type } });
`,
    filename: 'upload.js',
  },
  {
    name: 'createPresignedPost with a POST form upload',
    code: `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export async function upload(file) {
  const post = s3.createPresignedPost({ Bucket: 'b', Fields: { key: file.name }, Conditions: [['eq', '$Content-Type', 'image/png']] });
  const form = new FormData();
  Object.entries(post.fields).forEach(([k, v]) => form.append(k, v));
  form.append('file', file);
  return fetch(post.url, { method: 'POST', body: form });
}`,
    filename: 'upload.js',
  },
  {
    name: 'Supabase without an import in this file',
    code: `export async function upload(storage, path, buffer) {
  const { data } = await storage.from('docs').createSignedUploadUrl(path);
  await fetch(data.signedUrl, { method: 'PUT', body: buffer });
}`,
    filename: 'upload.js',
  },
  {
    name: 'axios.put to a template endpoint',
    code: `import axios from 'axios';
export const save = (id, item) => axios.put(\`/api/items/\${id}\`, item);
`,
    filename: 'upload.js',
  },
  {
    name: 'XHR send of a File to a named URL',
    code: `export function upload(signedUrl, file) {
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', signedUrl);
  xhr.send(file);
}`,
    filename: 'upload.js',
  },
  {
    name: 'v2 getObject presign fetched',
    code: `const AWS = require('aws-sdk');
const s3 = new AWS.S3({ signatureVersion: 'v4' });
async function read() {
  const url = s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k' });
  return fetch(url);
}`,
    filename: 'upload.js',
    languageOptions: commonjs,
  },
  {
    name: 'superagent with set Content-Type',
    code: `import request from 'superagent';
export const upload = (signedUrl, buffer) => request.put(signedUrl).set('Content-Type', 'image/png').send(buffer);
`,
    filename: 'upload.js',
  },
  {
    name: 'superagent with type()',
    code: `import request from 'superagent';
export const upload = (signedUrl, buffer) => request.put(signedUrl).type('image/png').send(buffer);
`,
    filename: 'upload.js',
  },
  {
    name: 'XHR with setRequestHeader Content-Type',
    code: `export function upload(uploadUrl, text) {
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', uploadUrl);
  xhr.setRequestHeader('Content-Type', 'text/plain');
  xhr.send(text);
}`,
    filename: 'upload.js',
  },
  {
    name: 'https.request with a matching Content-Type',
    code: `const https = require('https');
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ signatureVersion: 'v4' });
function upload(buffer) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/png' });
  const req = https.request(url, { method: 'PUT', headers: { 'Content-Type': 'image/png', 'Content-Length': buffer.length } });
  req.end(buffer);
}`,
    filename: 'upload.js',
    languageOptions: commonjs,
  },
  {
    name: 'aws4.sign options passed to https.request',
    code: `const https = require('https');
const aws4 = require('aws4');
function put(body) {
  const signed = aws4.sign({ host: 'b.s3.amazonaws.com', path: '/k', method: 'PUT', body, service: 's3' });
  https.request(signed).end(body);
}`,
    filename: 'upload.js',
    languageOptions: commonjs,
  },
  {
    name: 'superagent .type(\'png\') is a short name, not a mismatch',
    code: `import request from 'superagent';
import AWS from 'aws-sdk';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
export function upload(buffer) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  return request.put(url).type('png').send(buffer);
}`,
    filename: 'upload.js',
  },
];

const typescriptOnlyValid: Valid[] = [
  {
    name: 'fetch PUT with Content-Type',
    code: `export async function upload(signedUrl: string, file: File) {
  await fetch(signedUrl, { method: 'PUT', body: file, headers: { 'Content-Type': file.type } });
}`,
  },
  {
    name: 'GET of a presigned URL',
    code: `export async function download(signedUrl: string) {
  return (await fetch(signedUrl)).blob();
}`,
  },
  {
    name: 'method \'GET\' on a presigned URL',
    code: `export async function download(presignedUrl: string) {
  return fetch(presignedUrl, { method: 'GET' });
}`,
  },
  {
    name: 'Google Cloud Storage v4 signed URL for write',
    code: `import { Storage } from '@google-cloud/storage';
const storage = new Storage();
export async function upload(buffer: Buffer) {
  const [signedUrl] = await storage.bucket('b').file('f').getSignedUrl({ version: 'v4', action: 'write', expires: Date.now() + 60_000 });
  await fetch(signedUrl, { method: 'PUT', body: buffer });
}`,
  },
  {
    name: 'a file that uses Google Cloud Storage passes the URL by a parameter',
    code: `import type { Storage } from '@google-cloud/storage';
export async function upload(storage: Storage, signedUrl: string, buffer: Buffer) {
  await fetch(signedUrl, { method: 'PUT', body: buffer });
}`,
  },
  {
    name: 'Supabase createSignedUploadUrl',
    code: `import { createClient } from '@supabase/supabase-js';
const supabase = createClient('https://x.supabase.co', 'anon');
export async function upload(path: string, buffer: Buffer) {
  const { data } = await supabase.storage.from('avatars').createSignedUploadUrl(path);
  await fetch(data!.signedUrl, { method: 'PUT', body: buffer });
}`,
  },
  {
    name: 'PUT to an API endpoint',
    code: `export async function save(profile: object) {
  await fetch('/api/profile', { method: 'PUT', body: JSON.stringify(profile) });
}`,
  },
  {
    name: 'uploadUrl initialised with a literal endpoint',
    code: `import axios from 'axios';
const uploadUrl = '/api/upload';
export const save = (data: Buffer) => axios.put(uploadUrl, data);
`,
  },
  {
    name: 'browser fetch of a File to a named URL: the File type is sent',
    code: `export async function upload(uploadUrl: string, file: File) {
  await fetch(uploadUrl, { method: 'PUT', body: file });
}`,
  },
  {
    name: 'presign without ContentType: SigV4 signs only host',
    code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import axios from 'axios';
const s3 = new S3Client({});
export async function upload(buffer: Buffer) {
  const signedUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k' }));
  await axios.put(signedUrl, buffer);
}`,
  },
  {
    name: 'headers spread from elsewhere',
    code: `export async function upload(signedUrl: string, buffer: Buffer, auth: Record<string, string>) {
  await fetch(signedUrl, { method: 'PUT', body: buffer, headers: { ...auth } });
}`,
  },
  {
    name: 'headers from a parameter',
    code: `export async function upload(signedUrl: string, buffer: Buffer, headers: HeadersInit) {
  await fetch(signedUrl, { method: 'PUT', body: buffer, headers });
}`,
  },
  {
    name: 'got.put with content-type',
    code: `import got from 'got';
export const upload = (signedUrl: string, body: Buffer, type: string) => got.put(signedUrl, { body, headers: { 'content-type': type } });
`,
  },
  {
    name: 'ky.put with Content-Type',
    code: `import ky from 'ky';
export const upload = (signedUrl: string, body: string) => ky.put(signedUrl, { body, headers: { 'Content-Type': 'text/plain' } });
`,
  },
  {
    name: 'unsignedUrl is not a presigned URL',
    code: `import axios from 'axios';
export const upload = (unsignedUrl: string, body: Buffer) => axios.put(unsignedUrl, body);
`,
  },
  {
    name: 'the signed literal is sent',
    code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export async function upload(body: Buffer) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/png' }));
  await fetch(url, { method: 'PUT', body, headers: { 'Content-Type': 'image/png' } });
}`,
  },
  {
    name: 'axios config spread',
    code: `import axios from 'axios';
export const upload = (signedUrl: string, data: Buffer, config: object) => axios({ ...config, method: 'put', url: signedUrl, data });
`,
  },
  {
    name: 'POST to a presigned URL',
    code: `export const send = (signedUrl: string, body: Buffer) => fetch(signedUrl, { method: 'POST', body });
`,
  },
  {
    name: 'non-literal ContentType and a File body in the browser',
    code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export async function upload(file: File) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: file.name, ContentType: file.type }));
  await fetch(url, { method: 'PUT', body: file });
}`,
  },
  {
    name: 'SDK putObject is no HTTP client',
    code: `import { S3 } from 'aws-sdk';
const s3 = new S3();
export const upload = (body: Buffer) => s3.putObject({ Bucket: 'b', Key: 'k', Body: body }).promise();
`,
  },
  {
    name: 'a local function named put is no client',
    code: `function put(url: string, body: string) { return [url, body]; }
export const x = (signedUrl: string) => put(signedUrl, 'x');
`,
  },
];

/** Plain JavaScript: run under both parsers. */
const javascriptInvalid: Invalid[] = [
  {
    name: 'aws-sdk v2 CommonJS, params in a const, got.put of readFileSync',
    code: `const AWS = require('aws-sdk');
const fs = require('fs');
const got = require('got');

const s3 = new AWS.S3({ region: 'us-east-1' });

async function publish(file) {
  const params = { Bucket: 'site', Key: 'index.html', ContentType: "text/html", Expires: 60 };
  const url = s3.getSignedUrl('putObject', params);
  await got.put(url, { body: fs.readFileSync(file) });
}

module.exports = { publish };
`,
    filename: 'upload.js',
    languageOptions: commonjs,
    output: `const AWS = require('aws-sdk');
const fs = require('fs');
const got = require('got');

const s3 = new AWS.S3({ region: 'us-east-1' });

async function publish(file) {
  const params = { Bucket: 'site', Key: 'index.html', ContentType: "text/html", Expires: 60 };
  const url = s3.getSignedUrl('putObject', params);
  await got.put(url, { body: fs.readFileSync(file), headers: { 'Content-Type': 'text/html' } });
}

module.exports = { publish };
`,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 54,
      },
    ],
  },
  {
    name: 'getSignedUrlPromise and https.request(url, options, callback)',
    code: `const { S3 } = require('aws-sdk');
const https = require('https');

const s3 = new S3({ region: 'us-east-1' });

async function send(buffer) {
  const uploadTarget = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k.csv', ContentType: 'text/csv' });
  const req = https.request(uploadTarget, { method: 'PUT' }, (res) => res.resume());
  req.end(buffer);
}
`,
    filename: 'upload.js',
    languageOptions: commonjs,
    output: `const { S3 } = require('aws-sdk');
const https = require('https');

const s3 = new S3({ region: 'us-east-1' });

async function send(buffer) {
  const uploadTarget = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k.csv', ContentType: 'text/csv' });
  const req = https.request(uploadTarget, { method: 'PUT', headers: { 'Content-Type': 'text/csv' } }, (res) => res.resume());
  req.end(buffer);
}
`,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 8,
        column: 15,
        endLine: 8,
        endColumn: 84,
      },
    ],
  },
  {
    name: 'browser fetch of a File to a URL presigned for a fixed type',
    code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from './s3';

export async function uploadAvatar(userId, event) {
  const file = event.target.files[0];
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'avatars', Key: userId, ContentType: 'image/jpeg' }), { signableHeaders: new Set(['content-type']) });
  return fetch(url, { method: "PUT", body: file });
}
`,
    filename: 'upload.js',
    output: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from './s3';

export async function uploadAvatar(userId, event) {
  const file = event.target.files[0];
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'avatars', Key: userId, ContentType: 'image/jpeg' }), { signableHeaders: new Set(['content-type']) });
  return fetch(url, { method: "PUT", body: file, headers: { "Content-Type": "image/jpeg" } });
}
`,
    errors: [
      {
        messageId: 'bodyTypeSent',
        line: 8,
        column: 10,
        endLine: 8,
        endColumn: 51,
      },
    ],
  },
  {
    name: 'XMLHttpRequest send of a File to a URL presigned for a fixed type',
    code: `import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export function uploadWithProgress(file, onProgress) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'media', Key: file.name, ContentType: 'video/mp4' });
  const xhr = new XMLHttpRequest();
  xhr.upload.onprogress = (e) => onProgress(e.loaded / e.total);
  xhr.open('PUT', url, true);
  xhr.send(file);
}
`,
    filename: 'upload.js',
    output: `import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export function uploadWithProgress(file, onProgress) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'media', Key: file.name, ContentType: 'video/mp4' });
  const xhr = new XMLHttpRequest();
  xhr.upload.onprogress = (e) => onProgress(e.loaded / e.total);
  xhr.open('PUT', url, true);
  xhr.setRequestHeader('Content-Type', 'video/mp4');
  xhr.send(file);
}
`,
    errors: [
      {
        messageId: 'bodyTypeSent',
        line: 9,
        column: 3,
        endLine: 9,
        endColumn: 29,
      },
    ],
  },
  {
    name: 'XMLHttpRequest send of a string to data.uploadUrl',
    code: `export function putNotes(data, text) {
  const request = new XMLHttpRequest();
  request.open("PUT", data.uploadUrl);
  request.send(text + "\\n");
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'textPlainSent',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `export function putNotes(data, text) {
  const request = new XMLHttpRequest();
  request.open("PUT", data.uploadUrl);
  request.setRequestHeader("Content-Type", "application/octet-stream");
  request.send(text + "\\n");
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios.put of input.files[0] to response.data.uploadUrl',
    code: `import axios from 'axios';

export async function onSubmit(input) {
  const response = await axios.post('/api/uploads', { name: input.files[0].name });
  await axios.put(response.data.uploadUrl, input.files[0]);
}
`,
    filename: 'upload.js',
    output: `import axios from 'axios';

export async function onSubmit(input) {
  const response = await axios.post('/api/uploads', { name: input.files[0].name });
  await axios.put(response.data.uploadUrl, input.files[0], { headers: { 'Content-Type': input.files[0].type } });
}
`,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 59,
      },
    ],
  },
  {
    name: 'superagent put(url).send(buffer) in CommonJS',
    code: `const request = require('superagent');

async function upload(signedUrl, buffer) {
  return request.put(signedUrl).send(buffer);
}
`,
    filename: 'upload.js',
    languageOptions: commonjs,
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 4,
        column: 10,
        endLine: 4,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `const request = require('superagent');

async function upload(signedUrl, buffer) {
  return request.put(signedUrl).set('Content-Type', 'application/octet-stream').send(buffer);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'superagent chain on several lines, string body, literal presign',
    code: `import superagent from 'superagent';
import { S3 } from 'aws-sdk';

const s3 = new S3({ region: 'us-east-1' });

export async function putCsv(csv) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'x.csv', ContentType: 'text/csv' });
  await superagent
    .put(url)
    .send(csv + '');
}
`,
    filename: 'upload.js',
    output: `import superagent from 'superagent';
import { S3 } from 'aws-sdk';

const s3 = new S3({ region: 'us-east-1' });

export async function putCsv(csv) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'x.csv', ContentType: 'text/csv' });
  await superagent
    .put(url)
    .set('Content-Type', 'text/csv')
    .send(csv + '');
}
`,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 8,
        column: 9,
        endLine: 9,
        endColumn: 14,
      },
    ],
  },
  {
    name: 'superagent(\'PUT\', url) with a string body',
    code: `import request from 'superagent';

export function putText(uploadUrl) {
  return request('PUT', uploadUrl).send('hello');
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 4,
        column: 10,
        endLine: 4,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import request from 'superagent';

export function putText(uploadUrl) {
  return request('PUT', uploadUrl).set('Content-Type', 'application/octet-stream').send('hello');
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'setRequestHeader differs from the signed literal',
    code: `const AWS = require('aws-sdk');
const s3 = new AWS.S3({ region: 'us-east-1' });

function upload(file) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'docs', Key: file.name, ContentType: 'application/pdf' });
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', url);
  xhr.setRequestHeader('Content-Type', "text/csv");
  xhr.send(file);
}
`,
    filename: 'upload.js',
    languageOptions: commonjs,
    output: null,
    errors: [
      {
        messageId: 'contentTypeMismatch',
        line: 8,
        column: 40,
        endLine: 8,
        endColumn: 50,
        suggestions: [
          {
            messageId: 'useSignedContentType',
            output: `const AWS = require('aws-sdk');
const s3 = new AWS.S3({ region: 'us-east-1' });

function upload(file) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'docs', Key: file.name, ContentType: 'application/pdf' });
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', url);
  xhr.setRequestHeader('Content-Type', "application/pdf");
  xhr.send(file);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'CommonJS destructured requires, node-fetch and a read stream',
    code: `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const { getSignedUrl: presign } = require('@aws-sdk/s3-request-presigner');
const fetch = require('node-fetch');
const fs = require('fs');

const client = new S3Client({});

async function upload(path) {
  const url = await presign(client, new PutObjectCommand({ Bucket: 'b', Key: 'movie.mp4', ContentType: 'video/mp4' }));
  await fetch(url, { method: 'PUT', body: fs.createReadStream(path), duplex: 'half' });
}
`,
    filename: 'upload.js',
    languageOptions: commonjs,
    output: `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const { getSignedUrl: presign } = require('@aws-sdk/s3-request-presigner');
const fetch = require('node-fetch');
const fs = require('fs');

const client = new S3Client({});

async function upload(path) {
  const url = await presign(client, new PutObjectCommand({ Bucket: 'b', Key: 'movie.mp4', ContentType: 'video/mp4' }));
  await fetch(url, { method: 'PUT', body: fs.createReadStream(path), duplex: 'half', headers: { 'Content-Type': 'video/mp4' } });
}
`,
    errors: [
      {
        messageId: 'unsignedContentTypeNotSent',
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 87,
      },
    ],
  },
  {
    name: 'window.fetch with a typed array',
    code: `export function sendBytes(signedUrl, bytes) {
  return window.fetch(signedUrl, { method: 'PUT', body: new Uint8Array(bytes) });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 2,
        column: 10,
        endLine: 2,
        endColumn: 81,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `export function sendBytes(signedUrl, bytes) {
  return window.fetch(signedUrl, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'double-quoted file: the fix keeps double quotes',
    code: `import axios from "axios";

export async function put(uploadURL, event) {
  await axios.put(uploadURL, event.target.files[0]);
}
`,
    filename: 'upload.js',
    output: `import axios from "axios";

export async function put(uploadURL, event) {
  await axios.put(uploadURL, event.target.files[0], { headers: { "Content-Type": event.target.files[0].type } });
}
`,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 52,
      },
    ],
  },
  {
    name: 'fixes keep trailing comments in place (XHR line, last property without comma)',
    code: `import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export function upload(blob, done) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', url); // the bucket is in eu-west-1
  xhr.onload = done;
  xhr.send(blob);
  return fetch(url, {
    method: 'PUT',
    body: blob // retried by the caller
  });
}
`,
    filename: 'upload.js',
    output: `import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export function upload(blob, done) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', url); // the bucket is in eu-west-1
  xhr.setRequestHeader('Content-Type', 'image/png');
  xhr.onload = done;
  xhr.send(blob);
  return fetch(url, {
    method: 'PUT',
    body: blob, // retried by the caller
    headers: { 'Content-Type': 'image/png' }
  });
}
`,
    errors: [
      {
        messageId: 'bodyTypeSent',
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 23,
      },
      {
        messageId: 'bodyTypeSent',
        line: 11,
        column: 10,
        endLine: 14,
        endColumn: 5,
      },
    ],
  },
  {
    name: 'URL from one of two presigns with different types: suggestion, no autofix',
    code: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
function presign(kind) {
  if (kind === 'png') return s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  return s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.jpg', ContentType: 'image/jpeg' });
}
export async function upload(kind, data) {
  let url = presign(kind);
  await axios.put(url, data);
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 10,
        // One suggestion per type a presign signed; never application/octet-stream, which neither accepts.
        suggestions: [
          {
            messageId: 'addContentType',
            data: { value: "'image/png'" },
            output: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
function presign(kind) {
  if (kind === 'png') return s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  return s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.jpg', ContentType: 'image/jpeg' });
}
export async function upload(kind, data) {
  let url = presign(kind);
  await axios.put(url, data, { headers: { 'Content-Type': 'image/png' } });
}
`,
          },
          {
            messageId: 'addContentType',
            data: { value: "'image/jpeg'" },
            output: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
function presign(kind) {
  if (kind === 'png') return s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  return s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.jpg', ContentType: 'image/jpeg' });
}
export async function upload(kind, data) {
  let url = presign(kind);
  await axios.put(url, data, { headers: { 'Content-Type': 'image/jpeg' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'a presign without ContentType does not disagree with one that signs a type',
    code: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
export async function upload(data, big) {
  let url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  if (big) url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.bin' });
  await axios.put(url, data);
}
`,
    filename: 'upload.js',
    output: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
export async function upload(data, big) {
  let url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.png', ContentType: 'image/png' });
  if (big) url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k.bin' });
  await axios.put(url, data, { headers: { 'Content-Type': 'image/png' } });
}
`,
    errors: [{ messageId: 'formUrlencodedSent', line: 7 }],
  },
  {
    name: 'XHR open as the body of an if: no statement is inserted after it',
    code: `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export function upload(ok) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'text/csv' });
  const xhr = new XMLHttpRequest();
  if (ok) xhr.open('PUT', url);
  xhr.send('a,b');
}
`,
    filename: 'upload.js',
    output: null,
    errors: [{ messageId: 'textPlainSent', line: 6, suggestions: [] }],
  },
  {
    name: 'axios.put with one argument per line: the config goes on its own line',
    code: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
export async function upload(data) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/webp' });
  await axios.put(
    url,
    data, // raw bytes
  );
  await axios.put(
    url,
    data
  );
}
`,
    filename: 'upload.js',
    output: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
export async function upload(data) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/webp' });
  await axios.put(
    url,
    data, // raw bytes
    { headers: { 'Content-Type': 'image/webp' } },
  );
  await axios.put(
    url,
    data,
    { headers: { 'Content-Type': 'image/webp' } }
  );
}
`,
    errors: [
      { messageId: 'formUrlencodedSent', line: 6 },
      { messageId: 'formUrlencodedSent', line: 10 },
    ],
  },
  {
    name: 'a File body read with a side effect is not repeated as `.type`',
    code: `import axios from 'axios';
export async function upload(uploadUrls, input, i) {
  await axios.put(uploadUrls[0], input.files[i++]);
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        suggestions: [
          {
            messageId: 'addContentType',
            data: { value: "'application/octet-stream'" },
            output: `import axios from 'axios';
export async function upload(uploadUrls, input, i) {
  await axios.put(uploadUrls[0], input.files[i++], { headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'options and headers in consts read only by this request get the header; a shared one does not',
    code: `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
const shared = { Authorization: 'x' };
export async function upload(data) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/png' });
  const options = { method: 'PUT', body: data };
  await fetch(url, options);
  const headers = {
    'x-amz-acl': 'private',
  };
  await fetch(url, { method: 'PUT', body: data, headers });
  await fetch(url, { method: 'PUT', body: data, headers: shared });
  await fetch('/api', { method: 'POST', body: data, headers: shared });
}
`,
    filename: 'upload.js',
    output: `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
const shared = { Authorization: 'x' };
export async function upload(data) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/png' });
  const options = { method: 'PUT', body: data, headers: { 'Content-Type': 'image/png' } };
  await fetch(url, options);
  const headers = {
    'x-amz-acl': 'private',
    'Content-Type': 'image/png',
  };
  await fetch(url, { method: 'PUT', body: data, headers });
  await fetch(url, { method: 'PUT', body: data, headers: shared });
  await fetch('/api', { method: 'POST', body: data, headers: shared });
}
`,
    errors: [
      { messageId: 'bodyTypeSent', line: 7 },
      { messageId: 'bodyTypeSent', line: 11 },
      { messageId: 'bodyTypeSent', line: 12, suggestions: [] },
    ],
  },
];

const typescriptOnlyInvalid: Invalid[] = [
  {
    name: 'v3 presign with a literal ContentType, axios.put of a Buffer without config',
    code: `import axios from 'axios';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({ region: 'eu-west-1' });

export async function uploadThumbnail(key: string, png: Buffer) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'thumbs', Key: key, ContentType: 'image/png' }), { expiresIn: 300, signableHeaders: new Set(['content-type']) });
  await axios.put(url, png);
}
`,
    output: `import axios from 'axios';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({ region: 'eu-west-1' });

export async function uploadThumbnail(key: string, png: Buffer) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'thumbs', Key: key, ContentType: 'image/png' }), { expiresIn: 300, signableHeaders: new Set(['content-type']) });
  await axios.put(url, png, { headers: { 'Content-Type': 'image/png' } });
}
`,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 28,
      },
    ],
  },
  {
    name: 'v3 presign through a command variable, multi-line fetch init with a Buffer body',
    code: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { readFile } from 'node:fs/promises';

const client = new S3Client({});

export async function pushReport(path: string) {
  const command = new PutObjectCommand({ Bucket: 'reports', Key: 'daily.pdf', ContentType: 'application/pdf' });
  const url = await getSignedUrl(client, command);
  const res = await fetch(url, {
    method: 'PUT',
    body: await readFile(path),
  });
  return res.ok;
}
`,
    output: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { readFile } from 'node:fs/promises';

const client = new S3Client({});

export async function pushReport(path: string) {
  const command = new PutObjectCommand({ Bucket: 'reports', Key: 'daily.pdf', ContentType: 'application/pdf' });
  const url = await getSignedUrl(client, command);
  const res = await fetch(url, {
    method: 'PUT',
    body: await readFile(path),
    headers: { 'Content-Type': 'application/pdf' },
  });
  return res.ok;
}
`,
    errors: [
      {
        messageId: 'unsignedContentTypeNotSent',
        line: 10,
        column: 21,
        endLine: 13,
        endColumn: 5,
      },
    ],
  },
  {
    name: 'https.request with options from new URL(uploadUrl) and a headers object without Content-Type',
    code: `import https from 'node:https';

export function putArchive(uploadUrl: string, archive: Buffer) {
  const { hostname, pathname, search } = new URL(uploadUrl);
  const req = https.request({
    hostname,
    path: pathname + search,
    method: 'PUT',
    headers: {
      'Content-Length': archive.length,
    },
  });
  req.end(archive);
}
`,
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 5,
        column: 15,
        endLine: 12,
        endColumn: 5,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import https from 'node:https';

export function putArchive(uploadUrl: string, archive: Buffer) {
  const { hostname, pathname, search } = new URL(uploadUrl);
  const req = https.request({
    hostname,
    path: pathname + search,
    method: 'PUT',
    headers: {
      'Content-Length': archive.length,
      'Content-Type': 'application/octet-stream',
    },
  });
  req.end(archive);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'fetch with a string body to a value named signedUrl',
    code: `export async function saveDraft(signedUrl: string, draft: object) {
  await fetch(signedUrl, { method: 'PUT', body: JSON.stringify(draft) });
}
`,
    output: null,
    errors: [
      {
        messageId: 'textPlainSent',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 73,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `export async function saveDraft(signedUrl: string, draft: object) {
  await fetch(signedUrl, { method: 'PUT', body: JSON.stringify(draft), headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios config form with a typed File body',
    code: `import axios from 'axios';

export async function upload(data: { signedUrl: string }, file: File) {
  await axios({
    method: 'put',
    url: data.signedUrl,
    data: file,
  });
}
`,
    output: `import axios from 'axios';

export async function upload(data: { signedUrl: string }, file: File) {
  await axios({
    method: 'put',
    url: data.signedUrl,
    data: file,
    headers: { 'Content-Type': file.type },
  });
}
`,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 4,
        column: 9,
        endLine: 8,
        endColumn: 5,
      },
    ],
  },
  {
    name: 'axios.put of a new Blob with a config object',
    code: `import axios from 'axios';

export async function exportCsv(presignedUrl: string, rows: string[]) {
  const blob = new Blob([rows.join('\\n')], { type: 'text/csv' });
  await axios.put(presignedUrl, blob, { onUploadProgress: () => undefined });
}
`,
    output: `import axios from 'axios';

export async function exportCsv(presignedUrl: string, rows: string[]) {
  const blob = new Blob([rows.join('\\n')], { type: 'text/csv' });
  await axios.put(presignedUrl, blob, { onUploadProgress: () => undefined, headers: { 'Content-Type': blob.type } });
}
`,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 77,
      },
    ],
  },
  {
    name: 'axios.put with headers that lack Content-Type (suggestion only)',
    code: `import axios from 'axios';

export async function store(signedRequest: string, buffer: Buffer) {
  await axios.put(signedRequest, buffer, {
    headers: {
      'x-amz-acl': 'public-read',
    },
  });
}
`,
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 4,
        column: 9,
        endLine: 8,
        endColumn: 5,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import axios from 'axios';

export async function store(signedRequest: string, buffer: Buffer) {
  await axios.put(signedRequest, buffer, {
    headers: {
      'x-amz-acl': 'public-read',
      'Content-Type': 'application/octet-stream',
    },
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'got(url, { method: \'PUT\' }) with this project\'s presignUrl helper',
    code: `import got from 'got';
import { createReadStream } from 'node:fs';
import { presignUrl } from 'sigv4-migrate/sigv4';

export async function uploadLog(path: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const { url } = presignUrl(
    { method: 'PUT', url: 'https://logs.s3.amazonaws.com/app.log', headers: { 'content-type': 'text/plain' } },
    { service: 's3', region: 'us-east-1', credentials, expiresIn: 300 },
  );
  await got(url, { method: 'PUT', body: createReadStream(path) });
}
`,
    output: `import got from 'got';
import { createReadStream } from 'node:fs';
import { presignUrl } from 'sigv4-migrate/sigv4';

export async function uploadLog(path: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const { url } = presignUrl(
    { method: 'PUT', url: 'https://logs.s3.amazonaws.com/app.log', headers: { 'content-type': 'text/plain' } },
    { service: 's3', region: 'us-east-1', credentials, expiresIn: 300 },
  );
  await got(url, { method: 'PUT', body: createReadStream(path), headers: { 'Content-Type': 'text/plain' } });
}
`,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 66,
      },
    ],
  },
  {
    name: 'got.put with the json option',
    code: `import got from 'got';

export async function putManifest(putUrl: string, manifest: Record<string, string>) {
  await got.put(putUrl, { json: manifest });
}
`,
    output: null,
    errors: [
      {
        messageId: 'jsonSent',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 44,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import got from 'got';

export async function putManifest(putUrl: string, manifest: Record<string, string>) {
  await got.put(putUrl, { json: manifest, headers: { 'Content-Type': 'application/json' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'ky.put of a string body',
    code: `import ky from 'ky';

export async function saveText(uploadUrl: string, text: string) {
  await ky.put(uploadUrl, { body: text });
}
`,
    output: null,
    errors: [
      {
        messageId: 'textPlainSent',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 42,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import ky from 'ky';

export async function saveText(uploadUrl: string, text: string) {
  await ky.put(uploadUrl, { body: text, headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'ky(url, { method: \"put\", json })',
    code: `import ky from 'ky';

export async function saveSettings(upload: { presignedUrl: string }, settings: object) {
  await ky(upload.presignedUrl, { method: 'put', json: settings });
}
`,
    output: null,
    errors: [
      {
        messageId: 'jsonSent',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 67,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import ky from 'ky';

export async function saveSettings(upload: { presignedUrl: string }, settings: object) {
  await ky(upload.presignedUrl, { method: 'put', json: settings, headers: { 'Content-Type': 'application/json' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'fetch header differs from the signed literal',
    code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

export async function put(body: Uint8Array) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/png' }), { signableHeaders: new Set(['content-type']) });
  await fetch(url, { method: 'PUT', body, headers: { 'Content-Type': 'image/jpeg' } });
}
`,
    output: null,
    errors: [
      {
        messageId: 'contentTypeMismatch',
        line: 8,
        column: 70,
        endLine: 8,
        endColumn: 82,
        suggestions: [
          {
            messageId: 'useSignedContentType',
            output: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

export async function put(body: Uint8Array) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/png' }), { signableHeaders: new Set(['content-type']) });
  await fetch(url, { method: 'PUT', body, headers: { 'Content-Type': 'image/png' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios lower-case content-type header differs from a const ContentType',
    code: `import axios from 'axios';
import * as AWS from 'aws-sdk';

const JPEG = 'image/jpeg';
const s3 = new AWS.S3({ region: 'us-east-1' });

export async function put(data: Buffer) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k', ContentType: JPEG });
  await axios.put(url, data, { headers: { 'content-type': 'application/octet-stream' } });
}
`,
    output: null,
    errors: [
      {
        messageId: 'contentTypeMismatch',
        line: 9,
        column: 59,
        endLine: 9,
        endColumn: 85,
        suggestions: [
          {
            messageId: 'useSignedContentType',
            output: `import axios from 'axios';
import * as AWS from 'aws-sdk';

const JPEG = 'image/jpeg';
const s3 = new AWS.S3({ region: 'us-east-1' });

export async function put(data: Buffer) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k', ContentType: JPEG });
  await axios.put(url, data, { headers: { 'content-type': 'image/jpeg' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'named import of request from \'node:https\'',
    code: `import { request } from 'node:https';

export function upload(presignedPutUrl: string, data: Buffer) {
  const req = request(presignedPutUrl, { method: 'PUT', headers: {} });
  req.end(data);
}
`,
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 4,
        column: 15,
        endLine: 4,
        endColumn: 71,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import { request } from 'node:https';

export function upload(presignedPutUrl: string, data: Buffer) {
  const req = request(presignedPutUrl, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' } });
  req.end(data);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'presign in a local function, followed through its return',
    code: `import axios from 'axios';
import { S3 } from 'aws-sdk';

const s3 = new S3({ region: 'us-east-1' });

function createTarget(key: string) {
  return s3.getSignedUrlPromise('putObject', { Bucket: 'exports', Key: key, ContentType: 'application/zip' });
}

export async function exportZip(key: string, zip: Buffer) {
  const target = await createTarget(key);
  await axios.put(target, zip, { maxBodyLength: Infinity });
}
`,
    output: `import axios from 'axios';
import { S3 } from 'aws-sdk';

const s3 = new S3({ region: 'us-east-1' });

function createTarget(key: string) {
  return s3.getSignedUrlPromise('putObject', { Bucket: 'exports', Key: key, ContentType: 'application/zip' });
}

export async function exportZip(key: string, zip: Buffer) {
  const target = await createTarget(key);
  await axios.put(target, zip, { maxBodyLength: Infinity, headers: { 'Content-Type': 'application/zip' } });
}
`,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 60,
      },
    ],
  },
  {
    name: 'import axios = require(\'axios\') with an object body',
    code: `import axios = require('axios');

export async function putConfig(signedUrl: string) {
  await axios.put(signedUrl, { retries: 3 });
}
`,
    output: null,
    errors: [
      {
        messageId: 'jsonSent',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 45,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import axios = require('axios');

export async function putConfig(signedUrl: string) {
  await axios.put(signedUrl, { retries: 3 }, { headers: { 'Content-Type': 'application/json' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'axios.create() instance',
    code: `import axios from 'axios';

const api = axios.create({ timeout: 10_000 });

export async function upload(signedUrl: string, buffer: Buffer) {
  await api.put(signedUrl, buffer);
}
`,
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import axios from 'axios';

const api = axios.create({ timeout: 10_000 });

export async function upload(signedUrl: string, buffer: Buffer) {
  await api.put(signedUrl, buffer, { headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'fetch with new Headers({...}) lacking Content-Type',
    code: `export async function upload(signedUrl: string, body: Buffer) {
  await fetch(signedUrl, { method: 'PUT', body, headers: new Headers({ 'x-amz-acl': 'private' }) });
}
`,
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 100,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `export async function upload(signedUrl: string, body: Buffer) {
  await fetch(signedUrl, { method: 'PUT', body, headers: new Headers({ 'x-amz-acl': 'private', 'Content-Type': 'application/octet-stream' }) });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'presignUrl(...).url with a string body and a signed \'text/csv\'',
    code: `import { presignUrl } from '../lib/sigv4';

export async function putCsv(csv: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const target = presignUrl(
    { method: 'PUT', url: 'https://b.s3.amazonaws.com/r.csv', headers: { 'Content-Type': 'text/csv' } },
    { service: 's3', region: 'us-east-1', credentials, expiresIn: 60 },
  ).url;
  await fetch(target, { method: 'PUT', body: csv });
}
`,
    output: `import { presignUrl } from '../lib/sigv4';

export async function putCsv(csv: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const target = presignUrl(
    { method: 'PUT', url: 'https://b.s3.amazonaws.com/r.csv', headers: { 'Content-Type': 'text/csv' } },
    { service: 's3', region: 'us-east-1', credentials, expiresIn: 60 },
  ).url;
  await fetch(target, { method: 'PUT', body: csv, headers: { 'Content-Type': 'text/csv' } });
}
`,
    errors: [
      {
        messageId: 'textPlainSent',
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 52,
      },
    ],
  },
  {
    name: 'data[\'presignedUrl\'] and a let reassigned from getSignedUrlPromise',
    code: `import got from 'got';
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export async function copy(data: Record<string, string>, buffer: Buffer) {
  await got.put(data['presignedUrl'], { body: buffer });
  let url;
  url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/webp' });
  await got.put(url, { body: buffer });
}
`,
    output: `import got from 'got';
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export async function copy(data: Record<string, string>, buffer: Buffer) {
  await got.put(data['presignedUrl'], { body: buffer });
  let url;
  url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/webp' });
  await got.put(url, { body: buffer, headers: { 'Content-Type': 'image/webp' } });
}
`,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 56,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import got from 'got';
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'us-east-1' });

export async function copy(data: Record<string, string>, buffer: Buffer) {
  await got.put(data['presignedUrl'], { body: buffer, headers: { 'Content-Type': 'application/octet-stream' } });
  let url;
  url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/webp' });
  await got.put(url, { body: buffer });
}
`,
          },
        ],
      },
      {
        messageId: 'noContentTypeSent',
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 39,
      },
    ],
  },
  {
    name: 'superagent chain with a comment after put(url)',
    code: `import request from 'superagent';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({});

export async function put(bytes: Buffer) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'application/wasm' }), { signableHeaders: new Set(['content-type']) });
  await request
    .put(url) // presigned for 5 minutes
    .send(bytes);
}
`,
    output: `import request from 'superagent';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({});

export async function put(bytes: Buffer) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'application/wasm' }), { signableHeaders: new Set(['content-type']) });
  await request
    .put(url) // presigned for 5 minutes
    .set('Content-Type', 'application/wasm')
    .send(bytes);
}
`,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 9,
        column: 9,
        endLine: 10,
        endColumn: 14,
      },
    ],
  },
  {
    name: 'fetch options behind `as RequestInit`: the header goes into the literal',
    code: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
export async function upload(s3: S3Client, data: Buffer) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/webp' }), { signableHeaders: new Set(['content-type']) });
  await fetch(url, { method: 'PUT', body: data } as RequestInit);
}
`,
    filename: 'upload.ts',
    output: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
export async function upload(s3: S3Client, data: Buffer) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/webp' }), { signableHeaders: new Set(['content-type']) });
  await fetch(url, { method: 'PUT', body: data, headers: { 'Content-Type': 'image/webp' } } as RequestInit);
}
`,
    errors: [{ messageId: 'noContentTypeSent', line: 5 }],
  },
  {
    name: 'v2 client with signatureVersion v4: Content-Type is not signed, so S3 stores the wrong type',
    code: `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
export async function upload(bytes: Uint8Array) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'logo.png', ContentType: 'image/png' });
  await fetch(url, { method: 'PUT', body: bytes });
}
`,
    output: `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
export async function upload(bytes: Uint8Array) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'logo.png', ContentType: 'image/png' });
  await fetch(url, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'image/png' } });
}
`,
    errors: [
      {
        messageId: 'unsignedContentTypeNotSent',
        data: {
          client: 'fetch',
          sent: 'sends no Content-Type for a binary body',
          servedAs: 'binary/octet-stream',
          advice: "Send 'image/png'.",
        },
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 51,
      },
    ],
  },
  {
    name: "v2 client configured through new AWS.Config({ signatureVersion: 's3v4' }), a different header sent",
    code: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3(new AWS.Config({ signatureVersion: 's3v4' }));
export async function upload(bytes: Uint8Array) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/png' });
  await axios.put(url, bytes, { headers: { 'Content-Type': 'image/jpeg' } });
}
`,
    output: null,
    errors: [
      {
        messageId: 'unsignedContentTypeMismatch',
        data: { sent: 'image/jpeg', signedType: 'image/png' },
        line: 6,
        column: 60,
        endLine: 6,
        endColumn: 72,
        suggestions: [
          {
            messageId: 'useSignedContentType',
            data: { signedType: 'image/png' },
            output: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3(new AWS.Config({ signatureVersion: 's3v4' }));
export async function upload(bytes: Uint8Array) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: 'k', ContentType: 'image/png' });
  await axios.put(url, bytes, { headers: { 'Content-Type': 'image/png' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'v2 default client in us-east-1 presigns with SigV2, which signs Content-Type: 403',
    code: `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ region: 'us-east-1' });
export async function upload(bytes: Uint8Array) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'logo.png', ContentType: 'image/png' });
  await fetch(url, { method: 'PUT', body: bytes });
}
`,
    output: `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ region: 'us-east-1' });
export async function upload(bytes: Uint8Array) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'logo.png', ContentType: 'image/png' });
  await fetch(url, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'image/png' } });
}
`,
    errors: [{ messageId: 'noContentTypeSent', line: 5, column: 9, endLine: 5, endColumn: 51 }],
  },
  {
    name: 'v3 presign with signableHeaders content-type: 403',
    code: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({});
export async function upload(bytes: Uint8Array) {
  const command = new PutObjectCommand({ Bucket: 'b', Key: 'logo.png', ContentType: 'image/png' });
  const url = await getSignedUrl(s3, command, { signableHeaders: new Set(['content-type']) });
  await fetch(url, { method: 'PUT', body: bytes });
}
`,
    output: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({});
export async function upload(bytes: Uint8Array) {
  const command = new PutObjectCommand({ Bucket: 'b', Key: 'logo.png', ContentType: 'image/png' });
  const url = await getSignedUrl(s3, command, { signableHeaders: new Set(['content-type']) });
  await fetch(url, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'image/png' } });
}
`,
    errors: [{ messageId: 'noContentTypeSent', line: 7, column: 9, endLine: 7, endColumn: 51 }],
  },
  {
    name: 'v3 presign without signableHeaders: Content-Type is neither signed nor in the URL',
    code: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({});
export async function upload(text: string) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'a.csv', ContentType: 'text/csv' }), { expiresIn: 60 });
  await fetch(url, { method: 'PUT', body: text });
}
`,
    output: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({});
export async function upload(text: string) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'a.csv', ContentType: 'text/csv' }), { expiresIn: 60 });
  await fetch(url, { method: 'PUT', body: text, headers: { 'Content-Type': 'text/csv' } });
}
`,
    errors: [
      {
        messageId: 'unsignedContentTypeNotSent',
        data: {
          client: 'fetch',
          sent: "sends 'text/plain;charset=UTF-8' for a string body",
          servedAs: 'that type',
          advice: "Send 'text/csv'.",
        },
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 50,
      },
    ],
  },
  {
    name: 'v3 presign options the file does not show: the type may be signed, 403',
    code: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({});
export async function upload(bytes: Uint8Array, options: { expiresIn: number }) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/png' }), options);
  await fetch(url, { method: 'PUT', body: bytes });
}
`,
    output: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({});
export async function upload(bytes: Uint8Array, options: { expiresIn: number }) {
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/png' }), options);
  await fetch(url, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'image/png' } });
}
`,
    errors: [{ messageId: 'noContentTypeSent', line: 6, column: 9, endLine: 6, endColumn: 51 }],
  },
];

/** URLs that flow from a presign through a returned object, or from a function named for presigning. */
const urlFlowValid: Valid[] = [
  {
    name: 'the url of an object from a function not named for presigning',
    code: `import axios from 'axios';
import { getSettings } from './api';
export async function save(bytes) {
  const target = await getSettings('profile');
  await axios.put(target.url, bytes);
}
`,
    filename: 'upload.js',
  },
  {
    name: '{ url } returned by a local presign that signs no Content-Type',
    code: `import AWS from 'aws-sdk';
import got from 'got';
const s3 = new AWS.S3({ region: 'eu-west-1' });
async function presignPut(key) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: key });
  return { url, key };
}
export async function archive(bytes) {
  const { url } = await presignPut('a.pdf');
  await got.put(url, { body: bytes });
}
`,
    filename: 'upload.js',
  },
  {
    name: 'target.url in a getSignedUrl callback, sent with a Content-Type',
    code: `function getSignedUrl(id, done) {
  fetch('/api/sign/' + id).then((res) => res.json()).then((target) => done(null, target));
}
export function save(id, buffer) {
  getSignedUrl(id, function (err, target) {
    fetch(target.url, { method: 'PUT', body: buffer, headers: { 'Content-Type': target.contentType } });
  });
}
`,
    filename: 'upload.js',
  },
];

const urlFlowInvalid: Invalid[] = [
  {
    name: 'a signedUrl member written after the literal is still taken by its name',
    code: `import axios from 'axios';
export async function upload(bytes) {
  const target = { signedUrl: '' };
  target.signedUrl = await getUrl();
  await axios.put(target.signedUrl, bytes);
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 43,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import axios from 'axios';
export async function upload(bytes) {
  const target = { signedUrl: '' };
  target.signedUrl = await getUrl();
  await axios.put(target.signedUrl, bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: '{ url } destructured from what a local presign function returns',
    code: `import AWS from 'aws-sdk';
import got from 'got';
const s3 = new AWS.S3({ region: 'eu-west-1' });
async function presignPut(key, type) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: key, ContentType: type });
  return { url, key };
}
export async function archive(bytes) {
  const { url } = await presignPut('a.pdf', 'application/pdf');
  await got.put(url, { body: bytes });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import AWS from 'aws-sdk';
import got from 'got';
const s3 = new AWS.S3({ region: 'eu-west-1' });
async function presignPut(key, type) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: key, ContentType: type });
  return { url, key };
}
export async function archive(bytes) {
  const { url } = await presignPut('a.pdf', 'application/pdf');
  await got.put(url, { body: bytes, headers: { 'Content-Type': 'application/pdf' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'signed.url from an imported presignDocument()',
    code: `import axios from 'axios';
import { presignDocument } from './api';
export async function upload(bytes) {
  const signed = await presignDocument('scan.pdf');
  await axios.put(signed.url, bytes, { timeout: 0 });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 53,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import axios from 'axios';
import { presignDocument } from './api';
export async function upload(bytes) {
  const signed = await presignDocument('scan.pdf');
  await axios.put(signed.url, bytes, { timeout: 0, headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'target.url handed to a getSignedUrl callback',
    code: `function getSignedUrl(id, done) {
  fetch('/api/sign/' + id).then((res) => res.json()).then((target) => done(null, target));
}
export function save(id, buffer) {
  getSignedUrl(id, function (err, target) {
    if (err) return;
    fetch(target.url, { method: 'PUT', body: new Uint8Array(buffer) });
  });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 71,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `function getSignedUrl(id, done) {
  fetch('/api/sign/' + id).then((res) => res.json()).then((target) => done(null, target));
}
export function save(id, buffer) {
  getSignedUrl(id, function (err, target) {
    if (err) return;
    fetch(target.url, { method: 'PUT', body: new Uint8Array(buffer), headers: { 'Content-Type': 'application/octet-stream' } });
  });
}
`,
          },
        ],
      },
    ],
  },
];

/** Bodies whose Content-Type follows from how they are made: FormData, a Blob without a type, a compressed Buffer. */
const bodyShapeValid: Valid[] = [
  {
    name: 'a Blob made with its type, to a URL named only',
    code: `export function upload(signedUrl, svgText) {
  var blob = new Blob([svgText], { type: 'image/svg+xml' });
  var xhr = new XMLHttpRequest();
  xhr.open('PUT', signedUrl);
  xhr.send(blob);
}
`,
    filename: 'upload.js',
  },
  {
    name: 'FormData to a visible presign that signs no Content-Type',
    code: `import AWS from 'aws-sdk';
const s3 = new AWS.S3({ region: 'eu-west-1' });
export async function upload(file) {
  const url = await s3.getSignedUrlPromise('putObject', { Bucket: 'b', Key: file.name });
  const form = new FormData();
  form.append('file', file);
  await fetch(url, { method: 'PUT', body: form });
}
`,
    filename: 'upload.js',
  },
  {
    name: 'a promisified gzip Buffer sent with a Content-Type',
    code: `const request = require('superagent');
const zlib = require('zlib');
const { promisify } = require('util');
const gzip = promisify(zlib.gzip);
async function push(target, records) {
  const payload = await gzip(Buffer.from(JSON.stringify(records)));
  await request.put(target.signedUrl).set('Content-Type', 'application/gzip').send(payload);
}
module.exports = { push };
`,
    filename: 'upload.js',
    languageOptions: commonjs,
  },
];

const bodyShapeInvalid: Invalid[] = [
  {
    name: 'axios.put of a FormData to a presigned URL',
    code: `import axios from 'axios';
export async function upload(file) {
  const { data } = await axios.get('/api/upload-target');
  const formData = new FormData();
  formData.append('file', file);
  await axios.put(data.signedUrl, formData, { timeout: 0 });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formDataSent',
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 60,
        suggestions: [],
      },
    ],
  },
  {
    name: 'ky.put of the untyped Blob a local function returns',
    code: `import ky from 'ky';
async function toPng(file) {
  const bitmap = await createImageBitmap(file);
  return new Blob([await render(bitmap)]);
}
export async function upload(ticket, file) {
  const png = await toPng(file);
  await ky.put(ticket.putUrl, { body: png });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 8,
        column: 9,
        endLine: 8,
        endColumn: 45,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import ky from 'ky';
async function toPng(file) {
  const bitmap = await createImageBitmap(file);
  return new Blob([await render(bitmap)]);
}
export async function upload(ticket, file) {
  const png = await toPng(file);
  await ky.put(ticket.putUrl, { body: png, headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'XHR send of a Blob made without a type',
    code: `export function upload(signedUrl, svgText) {
  var blob = new Blob([svgText]);
  var xhr = new XMLHttpRequest();
  xhr.open('PUT', signedUrl);
  xhr.send(blob);
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `export function upload(signedUrl, svgText) {
  var blob = new Blob([svgText]);
  var xhr = new XMLHttpRequest();
  xhr.open('PUT', signedUrl);
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.send(blob);
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'superagent send of a promisified zlib.gzip Buffer',
    code: `const request = require('superagent');
const zlib = require('zlib');
const { promisify } = require('util');
const gzip = promisify(zlib.gzip);
async function push(target, records) {
  const payload = await gzip(Buffer.from(JSON.stringify(records)));
  await request.put(target.signedUrl).set('Content-Encoding', 'gzip').send(payload);
}
module.exports = { push };
`,
    filename: 'upload.js',
    languageOptions: commonjs,
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `const request = require('superagent');
const zlib = require('zlib');
const { promisify } = require('util');
const gzip = promisify(zlib.gzip);
async function push(target, records) {
  const payload = await gzip(Buffer.from(JSON.stringify(records)));
  await request.put(target.signedUrl).set('Content-Type', 'application/octet-stream').set('Content-Encoding', 'gzip').send(payload);
}
module.exports = { push };
`,
          },
        ],
      },
    ],
  },
];

const bodyShapeTypescriptInvalid: Invalid[] = [
  {
    name: 'fetch PUT of a FormData parameter',
    code: `export async function upload(signedUrl: string, form: FormData) {
  await fetch(signedUrl, { method: 'PUT', body: form });
}
`,
    filename: 'upload.ts',
    output: null,
    errors: [
      {
        messageId: 'formDataSent',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 56,
        suggestions: [],
      },
    ],
  },
];

/** The other HTTP clients: undici's request, jQuery's ajax, Angular's HttpClient. */
const otherClientValid: Valid[] = [
  {
    name: 'undici request with a content-type header',
    code: `const { request } = require('undici');
const fs = require('fs');
async function upload(presignedUrl, file) {
  await request(presignedUrl, { method: 'PUT', body: fs.createReadStream(file), headers: { 'content-type': 'application/gzip' } });
}
module.exports = { upload };
`,
    filename: 'upload.js',
    languageOptions: commonjs,
  },
  {
    name: 'jQuery ajax PUT with its contentType setting',
    code: `/* global $ */
export function upload(ticket, file) {
  return $.ajax({ url: ticket.signedUrl, type: 'PUT', data: file, processData: false, contentType: file.type });
}
`,
    filename: 'upload.js',
  },
  {
    name: 'jQuery ajax PUT with contentType false (the browser sends the File type)',
    code: `/* global $ */
export function upload(ticket, file) {
  return $.ajax({ url: ticket.signedUrl, type: 'PUT', data: file, processData: false, contentType: false });
}
`,
    filename: 'upload.js',
  },
  {
    name: 'a local object named $ is not jQuery',
    code: `export function save(signedUrl, data) {
  const $ = { ajax: (options) => options };
  return $.ajax({ url: signedUrl, type: 'PUT', data });
}
`,
    filename: 'upload.js',
  },
];

const otherClientTypescriptValid: Valid[] = [
  {
    name: 'Angular HttpClient put with HttpHeaders Content-Type',
    code: `import { Injectable } from '@angular/core';
import { HttpClient, HttpHeaders } from '@angular/common/http';

@Injectable({ providedIn: 'root' })
export class UploadService {
  constructor(private readonly http: HttpClient) {}

  upload(signedUrl: string, file: File) {
    return this.http.put(signedUrl, file, { headers: new HttpHeaders({ 'Content-Type': file.type }) });
  }
}
`,
    filename: 'upload.ts',
  },
  {
    name: "this.http that is not Angular's HttpClient",
    code: `export class Store {
  constructor(private readonly http: { put(url: string, body: unknown): void }) {}

  upload(signedUrl: string, bytes: ArrayBuffer) {
    return this.http.put(signedUrl, bytes);
  }
}
`,
    filename: 'upload.ts',
  },
];

const otherClientInvalid: Invalid[] = [
  {
    name: 'undici request PUT of a stream without a Content-Type',
    code: `const { request } = require('undici');
const fs = require('fs');
async function upload(presignedUrl, file) {
  await request(presignedUrl, {
    method: 'PUT',
    body: fs.createReadStream(file),
    headers: { 'content-length': String(fs.statSync(file).size) },
  });
}
module.exports = { upload };
`,
    filename: 'upload.js',
    languageOptions: commonjs,
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 4,
        column: 9,
        endLine: 8,
        endColumn: 5,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `const { request } = require('undici');
const fs = require('fs');
async function upload(presignedUrl, file) {
  await request(presignedUrl, {
    method: 'PUT',
    body: fs.createReadStream(file),
    headers: { 'content-length': String(fs.statSync(file).size), 'Content-Type': 'application/octet-stream' },
  });
}
module.exports = { upload };
`,
          },
        ],
      },
    ],
  },
  {
    name: 'undici.request PUT of a string',
    code: `import undici from 'undici';
export async function upload(signedUrl, text) {
  await undici.request(signedUrl, { method: 'PUT', body: text });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 65,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import undici from 'undici';
export async function upload(signedUrl, text) {
  await undici.request(signedUrl, { method: 'PUT', body: text, headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'jQuery ajax type PUT without contentType',
    code: `/* global $ */
export function upload(response, csv) {
  return $.ajax({
    url: response.uploadUrl,
    type: 'PUT',
    data: csv,
    processData: false,
  });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 3,
        column: 10,
        endLine: 8,
        endColumn: 5,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `/* global $ */
export function upload(response, csv) {
  return $.ajax({
    url: response.uploadUrl,
    type: 'PUT',
    data: csv,
    processData: false,
    contentType: 'application/octet-stream',
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'jQuery ajax(url, settings) through an IIFE parameter',
    code: `(function ($) {
  window.upload = function (signedUrl, file) {
    return $.ajax(signedUrl, { method: 'PUT', data: file, processData: false });
  };
})(jQuery);
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 80,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `(function ($) {
  window.upload = function (signedUrl, file) {
    return $.ajax(signedUrl, { method: 'PUT', data: file, processData: false, contentType: file.type });
  };
})(jQuery);
`,
          },
        ],
      },
    ],
  },
];

const otherClientTypescriptInvalid: Invalid[] = [
  {
    name: 'Angular HttpClient put of an ArrayBuffer, constructor-injected',
    code: `import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';

@Injectable({ providedIn: 'root' })
export class UploadService {
  constructor(private readonly http: HttpClient) {}

  upload(target: { uploadUrl: string }, bytes: ArrayBuffer) {
    return this.http.put(target.uploadUrl, bytes);
  }
}
`,
    filename: 'upload.ts',
    output: null,
    errors: [
      {
        messageId: 'noContentTypeSent',
        line: 9,
        column: 12,
        endLine: 9,
        endColumn: 50,
        suggestions: [
          {
            messageId: 'addContentType',
            output: `import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';

@Injectable({ providedIn: 'root' })
export class UploadService {
  constructor(private readonly http: HttpClient) {}

  upload(target: { uploadUrl: string }, bytes: ArrayBuffer) {
    return this.http.put(target.uploadUrl, bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'Angular HttpClient put of a FormData, inject()ed',
    code: `import { Injectable, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';

@Injectable({ providedIn: 'root' })
export class UploadService {
  private readonly http = inject(HttpClient);

  upload(signedUrl: string, file: File) {
    const form = new FormData();
    form.append('file', file);
    return this.http.put(signedUrl, form, { reportProgress: true });
  }
}
`,
    filename: 'upload.ts',
    output: null,
    errors: [
      {
        messageId: 'formDataSent',
        line: 11,
        column: 12,
        endLine: 11,
        endColumn: 68,
        suggestions: [],
      },
    ],
  },
];

typescriptRuleTester.run('presigned-put-content-type', testedRule, {
  valid: [...javascriptValid, ...typescriptOnlyValid, ...urlFlowValid, ...bodyShapeValid, ...otherClientValid, ...otherClientTypescriptValid],
  invalid: [...javascriptInvalid, ...typescriptOnlyInvalid, ...urlFlowInvalid, ...bodyShapeInvalid, ...bodyShapeTypescriptInvalid, ...otherClientInvalid, ...otherClientTypescriptInvalid],
});

javascriptRuleTester.run('presigned-put-content-type (espree)', testedRule, {
  valid: [...javascriptValid, ...urlFlowValid, ...bodyShapeValid, ...otherClientValid],
  invalid: [...javascriptInvalid, ...urlFlowInvalid, ...bodyShapeInvalid, ...otherClientInvalid],
});
