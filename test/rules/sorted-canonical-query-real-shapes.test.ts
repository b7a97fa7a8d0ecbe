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
  { name: 'header keys all written lower-case (literal and added): sorting first is safe', filename: 'file.js', code: `export function canonicalRequest(host, amzDate, payloadHash, contentType) {
  const headers = { host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  if (contentType) headers['content-type'] = contentType;
  const canonicalHeaders = Object.keys(headers).sort().map((k) => \`\${k.toLowerCase()}:\${headers[k]}\`).join('\\n') + '\\n';
  const signedHeaders = Object.keys(headers).sort().map((k) => k.toLowerCase()).join(';');
  return ['PUT', '/', '', canonicalHeaders, signedHeaders, payloadHash].join('\\n'); // AWS4-HMAC-SHA256
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
  {
    name: 'header lines mapped from names sorted before lower-casing: the sort compares lower-cased names',
    filename: 'file.js',
    code: `export function canonicalRequest(method, path, headers, payloadHash) {
  const canonicalHeaders = Object.keys(headers).sort().map((k) => \`\${k.toLowerCase()}:\${headers[k].trim()}\`).join('\\n') + '\\n';
  const signedHeaders = Object.keys(headers).sort().map((k) => k.toLowerCase()).join(';');
  return [method, path, '', canonicalHeaders, signedHeaders, payloadHash].join('\\n'); // AWS4-HMAC-SHA256
}
`,
    output: `export function canonicalRequest(method, path, headers, payloadHash) {
  const canonicalHeaders = Object.keys(headers).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)).map((k) => \`\${k.toLowerCase()}:\${headers[k].trim()}\`).join('\\n') + '\\n';
  const signedHeaders = Object.keys(headers).map((k) => k.toLowerCase()).sort().join(';');
  return [method, path, '', canonicalHeaders, signedHeaders, payloadHash].join('\\n'); // AWS4-HMAC-SHA256
}
`,
    errors: [
      { messageId: 'unsortedCanonicalHeaders', line: 2, column: 28, endLine: 2, endColumn: 55 },
      { messageId: 'unsortedCanonicalHeaders', line: 3, column: 25, endLine: 3, endColumn: 52 },
    ],
  },
  {
    name: 'lower-case literal keys, then an upper-case one assigned',
    filename: 'file.js',
    code: `export function canonicalRequest(host, amzDate, payloadHash, contentType) {
  const headers = { host, 'x-amz-date': amzDate };
  headers['Content-Type'] = contentType;
  const signedHeaders = Object.keys(headers).sort().map((k) => k.toLowerCase()).join(';');
  return ['PUT', '/', '', 'x', signedHeaders, payloadHash].join('\\n'); // AWS4-HMAC-SHA256
}
`,
    output: `export function canonicalRequest(host, amzDate, payloadHash, contentType) {
  const headers = { host, 'x-amz-date': amzDate };
  headers['Content-Type'] = contentType;
  const signedHeaders = Object.keys(headers).map((k) => k.toLowerCase()).sort().join(';');
  return ['PUT', '/', '', 'x', signedHeaders, payloadHash].join('\\n'); // AWS4-HMAC-SHA256
}
`,
    errors: [{ messageId: 'unsortedCanonicalHeaders', line: 4, column: 25, endLine: 4, endColumn: 52 }],
  },
  {
    name: "header lines built with + in a function callback (k.toLowerCase() + ':' + …)",
    filename: 'file.js',
    code: `export function canonicalRequest(method, path, headers, payloadHash) {
  const lines = Object.keys(headers).sort().map(function (k) { return k.toLowerCase() + ':' + headers[k]; });
  return [method, path, '', lines.join('\\n') + '\\n', 'host;x-amz-date', payloadHash].join('\\n'); // AWS4-HMAC-SHA256
}
`,
    output: `export function canonicalRequest(method, path, headers, payloadHash) {
  const lines = Object.keys(headers).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)).map(function (k) { return k.toLowerCase() + ':' + headers[k]; });
  return [method, path, '', lines.join('\\n') + '\\n', 'host;x-amz-date', payloadHash].join('\\n'); // AWS4-HMAC-SHA256
}
`,
    errors: [{ messageId: 'unsortedCanonicalHeaders', line: 2, column: 17, endLine: 2, endColumn: 44 }],
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
        data: { api: 'URLSearchParams#toString()', defects: 'writes spaces as "+" and "~" as %7E, and keeps insertion order unless sorted' },
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
