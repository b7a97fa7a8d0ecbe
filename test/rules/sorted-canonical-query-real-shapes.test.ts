// Tests for sorted-canonical-query on shapes seen in public code: header names sorted before they are
// lower-cased, [name, value] pairs with pushes after the list, and `[…, NEWLINE, …].join('')` requests.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import rule from '../../rules/sorted-canonical-query';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;
type Invalid = InvalidTestCase<MessageIds, []>;
type Valid = ValidTestCase<[]>;

const javascriptValid: Valid[] = [
  { name: 'header names lower-cased, then sorted', filename: 'file.js', code: `export function canonicalRequest(method, path, headers, payloadHash) {
  const names = Object.keys(headers).map((name) => name.toLowerCase()).sort();
  return [method, path, '', names.map((name) => \`\${name}:\${headers[name]}\\n\`).join(''), names.join(';'), payloadHash].join('\\n'); // aws4_request
}
` },
  { name: '[name, value] pairs sorted in place before they are joined', filename: 'file.js', code: `export function canonicalQuery(credential, amzDate, token) {
  const pairs = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (token) pairs.push(['X-Amz-Security-Token', token]);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([k, v]) => \`\${k}=\${v}\`).join('&');
}
` },
  { name: 'pairs pushed in a loop: the order is not in the source', filename: 'file.js', code: `export function canonicalQuery(extra) {
  const pairs = [['X-Amz-Algorithm', 'AWS4-HMAC-SHA256']];
  for (const key of Object.keys(extra).sort()) pairs.push([key, extra[key]]);
  return pairs.map(([k, v]) => \`\${k}=\${v}\`).join('&');
}
` },
];

const typescriptValid: Valid[] = [
  { name: "[…, NEWLINE, …].join('') with two values on one line is not a canonical request", filename: 'file.ts', code: `const NEWLINE = '\\n';
export function text(a: string, b: string, query: URLSearchParams): string {
  return [a, b, NEWLINE, query.toString(), NEWLINE, 'x', NEWLINE, 'y', NEWLINE, 'z', NEWLINE, 'w'].join(''); // aws4_request
}
` },
];

const javascriptInvalid: Invalid[] = [
  {
    name: 'header names sorted, then lower-cased (arrow callback): fixed by lower-casing first',
    filename: 'file.js',
    code: `export function canonicalRequest(method, path, headers, payloadHash) {
  const names = Object.keys(headers).sort().map((name) => name.toLowerCase());
  const lines = names.map((name) => \`\${name}:\${headers[name]}\\n\`).join('');
  return [method, path, '', lines, names.join(';'), payloadHash].join('\\n'); // AWS4-HMAC-SHA256
}
`,
    output: `export function canonicalRequest(method, path, headers, payloadHash) {
  const names = Object.keys(headers).map((name) => name.toLowerCase()).sort();
  const lines = names.map((name) => \`\${name}:\${headers[name]}\\n\`).join('');
  return [method, path, '', lines, names.join(';'), payloadHash].join('\\n'); // AWS4-HMAC-SHA256
}
`,
    errors: [{ messageId: 'unsortedCanonicalHeaders', data: { how: 'sorted before their names are lower-cased' }, line: 2, column: 17, endLine: 2, endColumn: 44 }],
  },
  {
    name: 'header names sorted, then lower-cased (function callback), headers with upper-case names',
    filename: 'file.js',
    code: `const headers = { Host: 'example.amazonaws.com', 'x-amz-date': '20240101T000000Z' };
const names = Object.keys(headers).sort().map(function (name) { return name.toLowerCase(); });
const lines = names.map((name) => \`\${name}:\${headers[Object.keys(headers).find((key) => key.toLowerCase() === name)]}\\n\`).join('');
export const canonical = ['GET', '/', '', lines, names.join(';'), 'UNSIGNED-PAYLOAD'].join('\\n'); // aws4_request
`,
    output: `const headers = { Host: 'example.amazonaws.com', 'x-amz-date': '20240101T000000Z' };
const names = Object.keys(headers).map(function (name) { return name.toLowerCase(); }).sort();
const lines = names.map((name) => \`\${name}:\${headers[Object.keys(headers).find((key) => key.toLowerCase() === name)]}\\n\`).join('');
export const canonical = ['GET', '/', '', lines, names.join(';'), 'UNSIGNED-PAYLOAD'].join('\\n'); // aws4_request
`,
    errors: [{ messageId: 'unsortedCanonicalHeaders', line: 2, column: 15, endLine: 2, endColumn: 42 }],
  },
  {
    name: 'a comment inside the sort-then-lower-case chain: reported, not rewritten',
    filename: 'file.js',
    code: `export function canonicalRequest(method, path, headers, payloadHash) {
  const names = Object.keys(headers)
    .sort() // by name
    .map((name) => name.toLowerCase());
  return [method, path, '', names.map((name) => \`\${name}:\${headers[name]}\\n\`).join(''), names.join(';'), payloadHash].join('\\n'); // aws4_request
}
`,
    output: null,
    errors: [{ messageId: 'unsortedCanonicalHeaders', line: 2, column: 17, endLine: 3, endColumn: 12 }],
  },
  {
    name: '[name, value] pairs with a pair pushed after the literal list, out of order',
    filename: 'file.js',
    code: `export function canonicalQuery(credential, amzDate, token) {
  const pairs = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', credential],
    ['X-Amz-Date', amzDate],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (token) pairs.push(['X-Amz-Security-Token', token]);
  return pairs.map(([k, v]) => \`\${k}=\${encodeURIComponent(v)}\`).join('&');
}
`,
    output: null,
    errors: [
      {
        messageId: 'unsortedQueryLiteral',
        line: 9,
        column: 10,
        endLine: 9,
        endColumn: 74,
        suggestions: [{ messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonicalQuery(credential, amzDate, token) {
  const pairs = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', credential],
    ['X-Amz-Date', amzDate],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (token) pairs.push(['X-Amz-Security-Token', token]);
  return canonicalQueryString(pairs.map(([k, v]) => \`\${k}=\${encodeURIComponent(v)}\`).join('&'));
}
` }],
      },
      {
        messageId: 'incompleteQueryEncoder',
        line: 9,
        column: 40,
        suggestions: [
          { messageId: 'useRfc3986Encoder', output: `export function canonicalQuery(credential, amzDate, token) {
  const pairs = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', credential],
    ['X-Amz-Date', amzDate],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (token) pairs.push(['X-Amz-Security-Token', token]);
  return pairs.map(([k, v]) => \`\${k}=\${encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}\`).join('&');
}
` },
        ],
      },
    ],
  },
];

const typescriptInvalid: Invalid[] = [
  {
    name: "[…, NEWLINE, …].join('') canonical request with a URLSearchParams parameter's toString()",
    filename: 'file.ts',
    code: `const NEWLINE = '\\n';
export function canonicalRequest(path: string, host: string, query: URLSearchParams): string {
  query.sort();
  return [
    'GET', NEWLINE,
    path, NEWLINE,
    query.toString(), NEWLINE,
    \`host:\${host}\`, NEWLINE,
    NEWLINE,
    'host', NEWLINE,
    'UNSIGNED-PAYLOAD',
  ].join(''); // AWS4-HMAC-SHA256
}
`,
    output: null,
    errors: [
      {
        messageId: 'formEncodedQuery',
        data: { api: 'URLSearchParams#toString()' },
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 21,
        suggestions: [{ messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const NEWLINE = '\\n';
export function canonicalRequest(path: string, host: string, query: URLSearchParams): string {
  query.sort();
  return [
    'GET', NEWLINE,
    path, NEWLINE,
    canonicalQueryString(query), NEWLINE,
    \`host:\${host}\`, NEWLINE,
    NEWLINE,
    'host', NEWLINE,
    'UNSIGNED-PAYLOAD',
  ].join(''); // AWS4-HMAC-SHA256
}
` }],
      },
    ],
  },
];

typescriptRuleTester.run('sorted-canonical-query', rule, {
  valid: [...javascriptValid, ...typescriptValid],
  invalid: [...javascriptInvalid, ...typescriptInvalid],
});

javascriptRuleTester.run('sorted-canonical-query (espree)', rule, {
  valid: javascriptValid,
  invalid: javascriptInvalid,
});
