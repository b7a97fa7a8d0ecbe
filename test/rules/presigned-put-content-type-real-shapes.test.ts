// Tests for presigned-put-content-type on shapes seen in public code: a URL read from the response of
// a request to a presign endpoint, and axios instances whose default headers carry the Content-Type.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/presigned-put-content-type';
import type { MessageId } from '../../rules/presigned-put-content-type';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

type Invalid = InvalidTestCase<MessageId, []>;
type Valid = ValidTestCase<[]>;

// The rule tester bundles its own @typescript-eslint/utils, whose RuleModule type is nominally different.
const testedRule = rule as unknown as Parameters<typeof typescriptRuleTester.run<MessageId, []>>[1];

const endpointValid: Valid[] = [
  {
    name: 'the response of an endpoint that is not a presign: its url is not a presigned URL',
    code: `import axios from 'axios';
export async function save(bytes) {
  const item = await axios.get('/api/items/1');
  await axios.put(item.data.url, new Uint8Array(bytes));
}
`,
    filename: 'upload.js',
  },
  {
    name: 'an endpoint named unsigned-url',
    code: `import axios from 'axios';
export async function save(bytes) {
  const item = await axios.get('/api/unsigned-url');
  await axios.put(item.data.url, new Uint8Array(bytes));
}
`,
    filename: 'upload.js',
  },
];

const endpointInvalid: Invalid[] = [
  {
    name: 'url of the response of a GET to a /presigned endpoint (template path)',
    code: `import axios from 'axios';
export async function upload(ticketId, text) {
  const presigned = await axios.get(\`/api/tickets/\${ticketId}/presigned\`);
  await axios.put(presigned.data.url, new Uint8Array(text.length));
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 67,
        suggestions: [
          {
            messageId: 'addContentType',
            data: { value: "'application/octet-stream'" },
            output: `import axios from 'axios';
export async function upload(ticketId, text) {
  const presigned = await axios.get(\`/api/tickets/\${ticketId}/presigned\`);
  await axios.put(presigned.data.url, new Uint8Array(text.length), { headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'url destructured two levels deep from axios(config) to a get_presigned_url endpoint',
    code: `import axios from 'axios';
export async function upload(bytes) {
  const { data: { url } } = await axios({ method: 'POST', url: '/file/get_presigned_url' });
  await axios({ method: 'PUT', url, data: new Uint8Array(bytes) });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 67,
        suggestions: [
          {
            messageId: 'addContentType',
            data: { value: "'application/octet-stream'" },
            output: `import axios from 'axios';
export async function upload(bytes) {
  const { data: { url } } = await axios({ method: 'POST', url: '/file/get_presigned_url' });
  await axios({ method: 'PUT', url, data: new Uint8Array(bytes), headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'url of the JSON body of a fetch to a presign endpoint',
    code: `export async function save(doc) {
  const res = await fetch('/api/documents/presign?name=doc.json');
  const target = await res.json();
  await fetch(target.url, { method: 'PUT', body: JSON.stringify(doc) });
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'textPlainSent',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 72,
        suggestions: [
          {
            messageId: 'addContentType',
            data: { value: "'application/octet-stream'" },
            output: `export async function save(doc) {
  const res = await fetch('/api/documents/presign?name=doc.json');
  const target = await res.json();
  await fetch(target.url, { method: 'PUT', body: JSON.stringify(doc), headers: { 'Content-Type': 'application/octet-stream' } });
}
`,
          },
        ],
      },
    ],
  },
];

const instanceDefaultsValid: Valid[] = [
  {
    name: 'axios.create with a Content-Type header',
    code: `import axios from 'axios';
const storage = axios.create({ headers: { 'Content-Type': 'application/octet-stream' } });
export const upload = (signedUrl, bytes) => storage.put(signedUrl, new Uint8Array(bytes));
`,
    filename: 'upload.js',
  },
  {
    name: "axios.create with the Content-Type in the headers' put group",
    code: `import axios from 'axios';
const storage = axios.create({ headers: { put: { 'Content-Type': 'application/octet-stream' } } });
export const upload = (signedUrl, bytes) => storage.put(signedUrl, new Uint8Array(bytes));
`,
    filename: 'upload.js',
  },
  {
    name: "instance.defaults.headers.put['Content-Type'] assigned",
    code: `import axios from 'axios';
const reports = axios.create();
reports.defaults.headers.put['Content-Type'] = 'text/csv';
export const upload = (signedUrl, csv) => reports.put(signedUrl, String(csv));
`,
    filename: 'upload.js',
  },
  {
    name: "axios.defaults.headers.common['Content-Type'] on the imported axios",
    code: `import axios from 'axios';
axios.defaults.headers.common['Content-Type'] = 'application/octet-stream';
export const upload = (signedUrl, n) => axios.put(signedUrl, new Uint8Array(n));
`,
    filename: 'upload.js',
  },
  {
    name: 'a header group object assigned to instance.defaults.headers.put',
    code: `import axios from 'axios';
const api = axios.create();
api.defaults.headers.put = { 'Content-Type': 'application/octet-stream' };
export const upload = (signedUrl, n) => api.put(signedUrl, new Uint8Array(n));
`,
    filename: 'upload.js',
  },
];

const instanceDefaultsInvalid: Invalid[] = [
  {
    name: 'an instance whose defaults set other headers only',
    code: `import axios from 'axios';
const storage = axios.create({ headers: { Authorization: 'none' } });
storage.defaults.headers.common.Accept = 'application/json';
export const upload = (signedUrl, n) => storage.put(signedUrl, new Uint8Array(n));
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'formUrlencodedSent',
        line: 4,
        column: 41,
        endLine: 4,
        endColumn: 82,
        suggestions: [
          {
            messageId: 'addContentType',
            data: { value: "'application/octet-stream'" },
            output: `import axios from 'axios';
const storage = axios.create({ headers: { Authorization: 'none' } });
storage.defaults.headers.common.Accept = 'application/json';
export const upload = (signedUrl, n) => storage.put(signedUrl, new Uint8Array(n), { headers: { 'Content-Type': 'application/octet-stream' } });
`,
          },
        ],
      },
    ],
  },
  {
    name: "an instance's default Content-Type that differs from the presigned one is reported where it is set",
    code: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
const storage = axios.create({ headers: { 'Content-Type': 'application/octet-stream' } });
export async function upload(key, n) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: key, ContentType: 'image/png' });
  await storage.put(url, new Uint8Array(n));
}
`,
    filename: 'upload.js',
    output: null,
    errors: [
      {
        messageId: 'unsignedContentTypeMismatch',
        line: 4,
        column: 59,
        endLine: 4,
        endColumn: 85,
        suggestions: [
          {
            messageId: 'useSignedContentType',
            data: { signedType: 'image/png' },
            output: `import AWS from 'aws-sdk';
import axios from 'axios';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
const storage = axios.create({ headers: { 'Content-Type': 'image/png' } });
export async function upload(key, n) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: key, ContentType: 'image/png' });
  await storage.put(url, new Uint8Array(n));
}
`,
          },
        ],
      },
    ],
  },
];

typescriptRuleTester.run('presigned-put-content-type', testedRule, {
  valid: [...endpointValid, ...instanceDefaultsValid],
  invalid: [...endpointInvalid, ...instanceDefaultsInvalid],
});

javascriptRuleTester.run('presigned-put-content-type (espree)', testedRule, {
  valid: [...endpointValid, ...instanceDefaultsValid],
  invalid: [...endpointInvalid, ...instanceDefaultsInvalid],
});
