// Proves presigned-put-content-type follows values (issue 8 D, issue 13): a URL held in a parameter is
// judged by the presign its callers pass (no 403 claimed when that presign signs no Content-Type), and
// the suggestion offers the type a presign signs through a parameter, not application/octet-stream.
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/presigned-put-content-type';
import type { MessageId } from '../../rules/presigned-put-content-type';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

const valid = [
  // The URL is only named like a presign here, but every caller passes a visible SigV4 presign that signs no Content-Type.
  `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
function createUploadUrl(key) { return s3.getSignedUrl('putObject', { Bucket: 'b', Key: key }); }
async function send(signedUrl, data) { await axios.put(signedUrl, data); }
export async function upload(key, data) { await send(createUploadUrl(key), data); }`,
];

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    name: 'ContentType from a parameter every caller passes a literal to: the suggestion sends that type',
    code: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
function presign(key, type) { return s3.getSignedUrl('putObject', { Bucket: 'b', Key: key, ContentType: type }); }
export async function uploadPng(key, data) {
  const url = presign(key, 'image/png');
  await axios.put(url, data);
}`,
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 7,
        column: 9,
        suggestions: [{ messageId: 'addContentType', data: { value: "'image/png'" }, output: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3();
function presign(key, type) { return s3.getSignedUrl('putObject', { Bucket: 'b', Key: key, ContentType: type }); }
export async function uploadPng(key, data) {
  const url = presign(key, 'image/png');
  await axios.put(url, data, { headers: { 'Content-Type': 'image/png' } });
}` }],
      },
    ],
  },
];

// @typescript-eslint/rule-tester bundles its own copy of @typescript-eslint/utils, whose scope types
// are nominally different from ours; the rule object itself is the same at run time.
const testedRule = rule as unknown as Parameters<typeof typescriptRuleTester.run<MessageId, []>>[1];

typescriptRuleTester.run('presigned-put-content-type (values)', testedRule, { valid, invalid });
javascriptRuleTester.run('presigned-put-content-type (values, espree)', testedRule, { valid, invalid });
