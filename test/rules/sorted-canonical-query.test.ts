// Tests for sigv4/sorted-canonical-query: every defect kind, ESM and CommonJS, JS and TS, and the look-alikes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import type { Rule } from 'eslint';
import { Linter } from 'eslint';
import type { InferMessageIdsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import rule from '../../rules/sorted-canonical-query';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'seed: SES query concatenated as Action, Source, Destination (ESM)',
    filename: 'file.js',
    code: `import { createHash } from 'node:crypto';
const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
export function canonical(from, to, canonicalHeaders, signedHeaders, payloadHash) {
  const query = 'Action=SendEmail&Source=' + enc(from) + '&Destination.ToAddresses.member.1=' + enc(to);
  return ['POST', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'unsortedQueryLiteral',
        line: 4,
        column: 17,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { createHash } from 'node:crypto';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
export function canonical(from, to, canonicalHeaders, signedHeaders, payloadHash) {
  const query = canonicalQueryString('Action=SendEmail&Source=' + enc(from) + '&Destination.ToAddresses.member.1=' + enc(to));
  return ['POST', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'seed in CommonJS: the suggestion adds a require',
    filename: 'file.js',
    code: `'use strict';
const crypto = require('crypto');
function canonical(from, to, canonicalHeaders, signedHeaders, payloadHash) {
  const query = 'Action=SendEmail&Source=' + from + '&Destination.ToAddresses.member.1=' + to;
  return ['POST', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}
module.exports = { canonical };`,
    errors: [
      {
        messageId: 'unsortedQueryLiteral',
        line: 4,
        column: 17,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `'use strict';
const crypto = require('crypto');
const { canonicalQueryString } = require('sigv4-migrate/sigv4');
function canonical(from, to, canonicalHeaders, signedHeaders, payloadHash) {
  const query = canonicalQueryString('Action=SendEmail&Source=' + from + '&Destination.ToAddresses.member.1=' + to);
  return ['POST', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}
module.exports = { canonical };` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'template query in X-Amz order that is not sorted',
    filename: 'file.js',
    code: `const scope = \`\${day}/us-east-1/s3/aws4_request\`;
const query = \`X-Amz-Date=\${amzDate}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=\${credential}\`;
const canonicalRequest = \`GET\\n/\${key}\\n\${query}\\nhost:\${host}\\n\\nhost\\nUNSIGNED-PAYLOAD\`;`,
    errors: [
      {
        messageId: 'unsortedQueryLiteral',
        line: 2,
        column: 15,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const scope = \`\${day}/us-east-1/s3/aws4_request\`;
const query = canonicalQueryString(\`X-Amz-Date=\${amzDate}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=\${credential}\`);
const canonicalRequest = \`GET\\n/\${key}\\n\${query}\\nhost:\${host}\\n\\nhost\\nUNSIGNED-PAYLOAD\`;` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'array of parameters joined with & in written order',
    filename: 'file.js',
    code: `const parts = ['Version=2010-05-08', 'Action=ListUsers'];
const canonicalRequest = ['GET', '/', parts.join('&'), canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
    errors: [
      {
        messageId: 'unsortedQueryLiteral',
        line: 2,
        column: 39,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const parts = ['Version=2010-05-08', 'Action=ListUsers'];
const canonicalRequest = ['GET', '/', canonicalQueryString(parts.join('&')), canonicalHeaders, signedHeaders, payloadHash].join('\\n');` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'parameters pushed in written order',
    filename: 'file.js',
    code: `const params = [];
params.push('X-Amz-SignedHeaders=host');
params.push('X-Amz-Expires=3600');
const canonicalQuery = params.join('&');
const scope = 'x/aws4_request';`,
    errors: [
      {
        messageId: 'unsortedQueryLiteral',
        line: 4,
        column: 24,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const params = [];
params.push('X-Amz-SignedHeaders=host');
params.push('X-Amz-Expires=3600');
const canonicalQuery = canonicalQueryString(params.join('&'));
const scope = 'x/aws4_request';` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'Object.keys(…).map(…).join("&") without sort',
    filename: 'file.js',
    code: `function canonicalQuery(params) {
  return Object.keys(params).map((k) => \`\${k}=\${params[k]}\`).join('&');
}
export const canonical = (p, h, s, x) => ['GET', '/', canonicalQuery(p), h, s, x].join('\\n');
const algorithm = 'AWS4-HMAC-SHA256';`,
    errors: [
      {
        messageId: 'unsortedQueryJoin',
        line: 2,
        column: 10,
        suggestions: [
          { messageId: 'sortQueryParameters', output: `function canonicalQuery(params) {
  return Object.keys(params).sort().map((k) => \`\${k}=\${params[k]}\`).join('&');
}
export const canonical = (p, h, s, x) => ['GET', '/', canonicalQuery(p), h, s, x].join('\\n');
const algorithm = 'AWS4-HMAC-SHA256';` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
function canonicalQuery(params) {
  return canonicalQueryString(params);
}
export const canonical = (p, h, s, x) => ['GET', '/', canonicalQuery(p), h, s, x].join('\\n');
const algorithm = 'AWS4-HMAC-SHA256';` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'Object.entries in TypeScript, filter before join',
    code: `const rfc = (v: string): string => encodeURIComponent(v).replace(/[!'()*]/g, (c) => \`%\${c.charCodeAt(0).toString(16).toUpperCase()}\`);
export function canonicalRequest(method: string, path: string, query: Record<string, string>, headers: string, signedHeaders: string, hash: string): string {
  const canonicalQuery = Object.entries(query).filter(([k]) => k !== 'X-Amz-Signature').map(([k, v]) => \`\${rfc(k)}=\${rfc(v)}\`).join('&');
  return [method, path, canonicalQuery, headers, signedHeaders, hash].join('\\n');
}`,
    errors: [
      {
        messageId: 'unsortedQueryJoin',
        line: 3,
        column: 26,
        suggestions: [
          { messageId: 'sortQueryParameters', output: `const rfc = (v: string): string => encodeURIComponent(v).replace(/[!'()*]/g, (c) => \`%\${c.charCodeAt(0).toString(16).toUpperCase()}\`);
export function canonicalRequest(method: string, path: string, query: Record<string, string>, headers: string, signedHeaders: string, hash: string): string {
  const canonicalQuery = Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).filter(([k]) => k !== 'X-Amz-Signature').map(([k, v]) => \`\${rfc(k)}=\${rfc(v)}\`).join('&');
  return [method, path, canonicalQuery, headers, signedHeaders, hash].join('\\n');
}` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const rfc = (v: string): string => encodeURIComponent(v).replace(/[!'()*]/g, (c) => \`%\${c.charCodeAt(0).toString(16).toUpperCase()}\`);
export function canonicalRequest(method: string, path: string, query: Record<string, string>, headers: string, signedHeaders: string, hash: string): string {
  const canonicalQuery = canonicalQueryString(Object.entries(query).filter(([k]) => k !== 'X-Amz-Signature').map(([k, v]) => \`\${rfc(k)}=\${rfc(v)}\`).join('&'));
  return [method, path, canonicalQuery, headers, signedHeaders, hash].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'for…in loop pushing pairs',
    filename: 'file.js',
    code: `function canonicalQueryString(query) {
  const pairs = [];
  for (const name in query) pairs.push(name + '=' + query[name]);
  return pairs.join('&');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    errors: [
      {
        messageId: 'unsortedQueryJoin',
        line: 4,
        column: 10,
        suggestions: [
          { messageId: 'sortQueryParameters', output: `function canonicalQueryString(query) {
  const pairs = [];
  for (const name of Object.keys(query).sort()) pairs.push(name + '=' + query[name]);
  return pairs.join('&');
}
const algorithm = 'AWS4-HMAC-SHA256';` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString as sigv4CanonicalQueryString } from 'sigv4-migrate/sigv4';
function canonicalQueryString(query) {
  const pairs = [];
  for (const name in query) pairs.push(name + '=' + query[name]);
  return sigv4CanonicalQueryString(pairs.join('&'));
}
const algorithm = 'AWS4-HMAC-SHA256';` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'for…of over Object.keys without sort',
    filename: 'file.js',
    code: `function buildCanonicalQuery(query) {
  const pairs = [];
  for (const name of Object.keys(query)) pairs.push(name + '=' + query[name]);
  return pairs.join('&');
}
export const canonical = (q, h, s, p) => ['GET', '/', buildCanonicalQuery(q), h, s, p].join('\\n');
const scope = 'aws4_request';`,
    errors: [
      {
        messageId: 'unsortedQueryJoin',
        line: 4,
        column: 10,
        suggestions: [
          { messageId: 'sortQueryParameters', output: `function buildCanonicalQuery(query) {
  const pairs = [];
  for (const name of Object.keys(query).sort()) pairs.push(name + '=' + query[name]);
  return pairs.join('&');
}
export const canonical = (q, h, s, p) => ['GET', '/', buildCanonicalQuery(q), h, s, p].join('\\n');
const scope = 'aws4_request';` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
function buildCanonicalQuery(query) {
  const pairs = [];
  for (const name of Object.keys(query)) pairs.push(name + '=' + query[name]);
  return canonicalQueryString(pairs.join('&'));
}
export const canonical = (q, h, s, p) => ['GET', '/', buildCanonicalQuery(q), h, s, p].join('\\n');
const scope = 'aws4_request';` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'URLSearchParams#toString',
    filename: 'file.js',
    code: `const scope = 'aws4_request';
export function canonical(params, canonicalHeaders, signedHeaders, payloadHash) {
  const query = new URLSearchParams(params).toString();
  return ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'formEncodedQuery',
        line: 3,
        column: 17,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const scope = 'aws4_request';
export function canonical(params, canonicalHeaders, signedHeaders, payloadHash) {
  const query = canonicalQueryString(new URLSearchParams(params));
  return ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'url.searchParams.toString() inline in the join',
    filename: 'file.js',
    code: `export function canonical(method, u, canonicalHeaders, signedHeaders, payloadHash) {
  return [method, u.pathname, u.searchParams.toString(), canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'formEncodedQuery',
        line: 2,
        column: 31,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(method, u, canonicalHeaders, signedHeaders, payloadHash) {
  return [method, u.pathname, canonicalQueryString(u.searchParams), canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'URLSearchParams interpolated into a canonical template',
    filename: 'file.js',
    code: `export function canonical(url, canonicalHeaders, signedHeaders, payloadHash) {
  return \`GET\\n\${url.pathname}\\n\${url.searchParams}\\n\${canonicalHeaders}\\n\${signedHeaders}\\n\${payloadHash}\`;
}`,
    errors: [
      {
        messageId: 'formEncodedQuery',
        line: 2,
        column: 35,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(url, canonicalHeaders, signedHeaders, payloadHash) {
  return \`GET\\n\${url.pathname}\\n\${canonicalQueryString(url.searchParams)}\\n\${canonicalHeaders}\\n\${signedHeaders}\\n\${payloadHash}\`;
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'querystring.stringify (default import)',
    filename: 'file.js',
    code: `import querystring from 'querystring';
export function canonical(query, canonicalHeaders, signedHeaders, payloadHash) {
  return ['GET', '/', querystring.stringify(query), canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'formEncodedQuery',
        data: { api: 'querystring.stringify()', defects: "keeps insertion order and leaves !'()* unencoded" },
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import querystring from 'querystring';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(query, canonicalHeaders, signedHeaders, payloadHash) {
  return ['GET', '/', canonicalQueryString(query), canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'destructured stringify from require("node:querystring")',
    filename: 'file.js',
    code: `const { stringify } = require('node:querystring');
exports.canonical = function (query, canonicalHeaders, signedHeaders, payloadHash) {
  return ['GET', '/', stringify(query), canonicalHeaders, signedHeaders, payloadHash].join('\\n');
};`,
    errors: [
      {
        messageId: 'formEncodedQuery',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `const { stringify } = require('node:querystring');
const { canonicalQueryString } = require('sigv4-migrate/sigv4');
exports.canonical = function (query, canonicalHeaders, signedHeaders, payloadHash) {
  return ['GET', '/', canonicalQueryString(query), canonicalHeaders, signedHeaders, payloadHash].join('\\n');
};` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'TypeScript import x = require("querystring")',
    code: `import qs = require('querystring');
export const canonical = (q: Record<string, string>, h: string, signedHeaders: string, p: string): string =>
  ['GET', '/', qs.stringify(q), h, signedHeaders, p].join('\\n');`,
    errors: [
      {
        messageId: 'formEncodedQuery',
        line: 3,
        column: 16,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import qs = require('querystring');
import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export const canonical = (q: Record<string, string>, h: string, signedHeaders: string, p: string): string =>
  ['GET', '/', canonicalQueryString(q), h, signedHeaders, p].join('\\n');` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'bare encodeURIComponent on values of a sorted query',
    filename: 'file.js',
    code: `function canonicalQuery(params) {
  return Object.keys(params).sort().map((k) => k + '=' + encodeURIComponent(params[k])).join('&');
}
export const canonical = (p, h, signedHeaders, x) => ['GET', '/', canonicalQuery(p), h, signedHeaders, x].join('\\n');`,
    errors: [
      {
        messageId: 'incompleteQueryEncoder',
        line: 2,
        column: 58,
        suggestions: [
          { messageId: 'useRfc3986Encoder', output: `function canonicalQuery(params) {
  return Object.keys(params).sort().map((k) => k + '=' + encodeURIComponent(params[k]).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())).join('&');
}
export const canonical = (p, h, signedHeaders, x) => ['GET', '/', canonicalQuery(p), h, signedHeaders, x].join('\\n');` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
function canonicalQuery(params) {
  return Object.keys(params).sort().map((k) => k + '=' + encodeURIComponent(params[k])).join('&');
}
export const canonical = (p, h, signedHeaders, x) => ['GET', '/', canonicalQueryString(canonicalQuery(p)), h, signedHeaders, x].join('\\n');` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'encodeURI in a helper the query calls',
    filename: 'file.js',
    code: `const uriEncode = (value) => encodeURI(value);
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort().map((k) => k + '=' + uriEncode(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'incompleteQueryEncoder',
        line: 1,
        column: 30,
        suggestions: [
          { messageId: 'useRfc3986Encoder', output: `const uriEncode = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort().map((k) => k + '=' + uriEncode(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const uriEncode = (value) => encodeURI(value);
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort().map((k) => k + '=' + uriEncode(params[k])).join('&');
  return ['GET', '/', canonicalQueryString(query), h, signedHeaders, x].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'escape()',
    filename: 'file.js',
    code: `export function canonical(keys, params, h, signedHeaders, x) {
  const query = keys.sort().map((k) => k + '=' + escape(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'incompleteQueryEncoder',
        line: 2,
        column: 50,
        suggestions: [
          { messageId: 'useRfc3986Encoder', output: `export function canonical(keys, params, h, signedHeaders, x) {
  const query = keys.sort().map((k) => k + '=' + encodeURIComponent(params[k]).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(keys, params, h, signedHeaders, x) {
  const query = keys.sort().map((k) => k + '=' + escape(params[k])).join('&');
  return ['GET', '/', canonicalQueryString(query), h, signedHeaders, x].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'encodeURIComponent passed as a callback',
    filename: 'file.js',
    code: `export function canonical(values, h, signedHeaders, x) {
  const query = values.map(encodeURIComponent).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'incompleteQueryEncoder',
        line: 2,
        column: 28,
        suggestions: [
          { messageId: 'useRfc3986Encoder', output: `export function canonical(values, h, signedHeaders, x) {
  const query = values.map((value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(values, h, signedHeaders, x) {
  const query = values.map(encodeURIComponent).join('&');
  return ['GET', '/', canonicalQueryString(query), h, signedHeaders, x].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'lower-case hex from toString(16)',
    filename: 'file.js',
    code: `const fixedEncodeURIComponent = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16));
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort().map((k) => k + '=' + fixedEncodeURIComponent(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'lowercaseHexEscape',
        line: 1,
        column: 95,
        suggestions: [],
      },
    ],
    output: `const fixedEncodeURIComponent = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort().map((k) => k + '=' + fixedEncodeURIComponent(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
  },
  {
    name: 'lower-case hex written as a literal replacement',
    filename: 'file.js',
    code: `const enc = (s) => encodeURIComponent(s).replace(/[!'()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/\\*/g, '%2a');
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort().map((k) => k + '=' + enc(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'lowercaseHexEscape',
        line: 1,
        column: 133,
        suggestions: [],
      },
    ],
    output: `const enc = (s) => encodeURIComponent(s).replace(/[!'()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/\\*/g, '%2A');
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort().map((k) => k + '=' + enc(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
  },
  {
    name: 'localeCompare comparator',
    filename: 'file.js',
    code: `const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort((a, b) => a.localeCompare(b)).map((k) => k + '=' + enc(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'localeCompareOrder',
        line: 3,
        column: 42,
        suggestions: [
          { messageId: 'useCodePointComparator', output: `const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => k + '=' + enc(params[k])).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort((a, b) => a.localeCompare(b)).map((k) => k + '=' + enc(params[k])).join('&');
  return ['GET', '/', canonicalQueryString(query), h, signedHeaders, x].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'case-insensitive comparator (TypeScript)',
    code: `export function canonical(params: Record<string, string>, h: string, signedHeaders: string, x: string): string {
  const byName = (a: string, b: string): number => (a.toLowerCase() < b.toLowerCase() ? -1 : 1);
  const query = Object.keys(params).sort(byName).map((k) => \`\${k}=\${params[k]}\`).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'caseInsensitiveOrder',
        line: 3,
        column: 42,
        suggestions: [
          { messageId: 'useCodePointComparator', output: `export function canonical(params: Record<string, string>, h: string, signedHeaders: string, x: string): string {
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const query = Object.keys(params).sort(byName).map((k) => \`\${k}=\${params[k]}\`).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(params: Record<string, string>, h: string, signedHeaders: string, x: string): string {
  const byName = (a: string, b: string): number => (a.toLowerCase() < b.toLowerCase() ? -1 : 1);
  const query = Object.keys(params).sort(byName).map((k) => \`\${k}=\${params[k]}\`).join('&');
  return ['GET', '/', canonicalQueryString(query), h, signedHeaders, x].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'Intl.Collator#compare as comparator',
    filename: 'file.js',
    code: `const collator = new Intl.Collator('en');
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort(collator.compare).map((k) => k + '=' + params[k]).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'localeCompareOrder',
        line: 3,
        column: 42,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const collator = new Intl.Collator('en');
export function canonical(params, h, signedHeaders, x) {
  const query = Object.keys(params).sort(collator.compare).map((k) => k + '=' + params[k]).join('&');
  return ['GET', '/', canonicalQueryString(query), h, signedHeaders, x].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'canonical headers joined without sort',
    filename: 'file.js',
    code: `export function canonical(query, headers, payloadHash) {
  const canonicalHeaders = Object.keys(headers).map((k) => k.toLowerCase() + ':' + headers[k].trim() + '\\n').join('');
  const signedHeaders = Object.keys(headers).map((k) => k.toLowerCase()).sort().join(';');
  return ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'unsortedCanonicalHeaders',
        line: 2,
        column: 28,
        suggestions: [],
      },
    ],
    output: null,
  },
  {
    name: 'canonical headers from an object literal with capitalised names',
    filename: 'file.js',
    code: `export function canonical(query, host, amzDate, payloadHash) {
  const headers = { Host: host, 'X-Amz-Date': amzDate };
  const canonicalHeaders = Object.keys(headers).sort().map((k) => k + ':' + headers[k] + '\\n').join('');
  return ['GET', '/', query, canonicalHeaders, 'host;x-amz-date', payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'headerNamesNotLowercased',
        line: 3,
        column: 28,
        suggestions: [],
      },
    ],
    output: null,
  },
  {
    name: 'canonical header lines written with capitals',
    filename: 'file.js',
    code: `export function canonical(query, host, amzDate, payloadHash) {
  const canonicalHeaders = \`Host:\${host}\\nX-Amz-Date:\${amzDate}\\n\`;
  return ['GET', '/', query, canonicalHeaders, 'host;x-amz-date', payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'headerNamesNotLowercased',
        line: 2,
        column: 28,
        suggestions: [],
      },
    ],
    output: null,
  },
  {
    name: 'signed headers listed out of order',
    filename: 'file.js',
    code: `export function canonical(query, canonicalHeaders, payloadHash) {
  return ['GET', '/', query, canonicalHeaders, 'x-amz-date;host', payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'unsortedCanonicalHeaders',
        line: 2,
        column: 48,
        suggestions: [],
      },
    ],
    output: null,
  },
  {
    name: 'headers sorted with localeCompare',
    filename: 'file.js',
    code: `export function canonical(query, headers, payloadHash) {
  const names = Object.keys(headers).map((k) => k.toLowerCase()).sort((a, b) => a.localeCompare(b));
  const canonicalHeaders = names.map((k) => k + ':' + headers[k] + '\\n').join('');
  return ['GET', '/', query, canonicalHeaders, names.join(';'), payloadHash].join('\\n');
}`,
    errors: [
      {
        messageId: 'localeCompareOrder',
        line: 2,
        column: 71,
        suggestions: [
          { messageId: 'useCodePointComparator', output: `export function canonical(query, headers, payloadHash) {
  const names = Object.keys(headers).map((k) => k.toLowerCase()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = names.map((k) => k + ':' + headers[k] + '\\n').join('');
  return ['GET', '/', query, canonicalHeaders, names.join(';'), payloadHash].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'query copied from url.search',
    code: `export function canonical(url: URL, canonicalHeaders: string, signedHeaders: string, hash: string): string {
  const queryString = url.search.substring(1);
  return [\`GET\`, url.pathname, queryString, canonicalHeaders, signedHeaders, hash].join('\\n');
}`,
    errors: [
      {
        messageId: 'rawUrlQuery',
        line: 2,
        column: 23,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(url: URL, canonicalHeaders: string, signedHeaders: string, hash: string): string {
  const queryString = canonicalQueryString(url.search.substring(1));
  return [\`GET\`, url.pathname, queryString, canonicalHeaders, signedHeaders, hash].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'canonical request as a + chain with an unsorted literal query',
    filename: 'file.js',
    code: `export function canonical(method, path, canonicalHeaders, signedHeaders, payloadHash) {
  const q = 'Version=2011-06-15&Action=GetSessionToken';
  return method + '\\n' + path + '\\n' + q + '\\n' + canonicalHeaders + '\\n' + signedHeaders + '\\n' + payloadHash;
}`,
    errors: [
      {
        messageId: 'unsortedQueryLiteral',
        line: 2,
        column: 13,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(method, path, canonicalHeaders, signedHeaders, payloadHash) {
  const q = canonicalQueryString('Version=2011-06-15&Action=GetSessionToken');
  return method + '\\n' + path + '\\n' + q + '\\n' + canonicalHeaders + '\\n' + signedHeaders + '\\n' + payloadHash;
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'case-insensitive comparator of pairs: no code-point rewrite (it would compare arrays)',
    filename: 'file.js',
    code: `export function canonical(params, h, signedHeaders, x) {
  const byName = (a, b) => (a[0].toLowerCase() < b[0].toLowerCase() ? -1 : 1);
  const query = Object.entries(params).sort(byName).map(([k, v]) => \`\${k}=\${v}\`).join('&');
  return ['GET', '/', query, h, signedHeaders, x].join('\\n');
}`,
    errors: [
      {
        messageId: 'caseInsensitiveOrder',
        line: 3,
        column: 45,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(params, h, signedHeaders, x) {
  const byName = (a, b) => (a[0].toLowerCase() < b[0].toLowerCase() ? -1 : 1);
  const query = Object.entries(params).sort(byName).map(([k, v]) => \`\${k}=\${v}\`).join('&');
  return ['GET', '/', canonicalQueryString(query), h, signedHeaders, x].join('\\n');
}` },
        ],
      },
    ],
  },
  {
    name: 'a function named getCanonicalQuery in a file with the SigV4 algorithm name',
    filename: 'file.js',
    code: `export function getCanonicalQuery(params) {
  return Object.keys(params).map((k) => k + '=' + params[k]).join('&');
}
export const ALGORITHM = 'AWS4-HMAC-SHA256';`,
    errors: [
      {
        messageId: 'unsortedQueryJoin',
        line: 2,
        column: 10,
        suggestions: [
          { messageId: 'sortQueryParameters', output: `export function getCanonicalQuery(params) {
  return Object.keys(params).sort().map((k) => k + '=' + params[k]).join('&');
}
export const ALGORITHM = 'AWS4-HMAC-SHA256';` },
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function getCanonicalQuery(params) {
  return canonicalQueryString(params);
}
export const ALGORITHM = 'AWS4-HMAC-SHA256';` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'signed headers joined from Object.keys without sort (CommonJS)',
    filename: 'file.js',
    code: `const crypto = require('crypto');
function canonicalRequest(method, path, query, headers, hash) {
  const canonicalHeaders = Object.keys(headers).sort().map((k) => k.toLowerCase() + ':' + headers[k] + '\\n').join('');
  const signedHeaders = Object.keys(headers).map((k) => k.toLowerCase()).join(';');
  return [method, path, query, canonicalHeaders, signedHeaders, hash].join('\\n');
}
module.exports = { canonicalRequest };`,
    errors: [
      {
        messageId: 'unsortedCanonicalHeaders',
        data: { how: 'sorted before their names are lower-cased' },
        line: 3,
        column: 28,
      },
      {
        messageId: 'unsortedCanonicalHeaders',
        line: 4,
        column: 25,
        suggestions: [],
      },
    ],
    // The header lines' names come from the caller: sorting by the lower-cased name is right whatever they are.
    output: `const crypto = require('crypto');
function canonicalRequest(method, path, query, headers, hash) {
  const canonicalHeaders = Object.keys(headers).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)).map((k) => k.toLowerCase() + ':' + headers[k] + '\\n').join('');
  const signedHeaders = Object.keys(headers).map((k) => k.toLowerCase()).join(';');
  return [method, path, query, canonicalHeaders, signedHeaders, hash].join('\\n');
}
module.exports = { canonicalRequest };`,
  },
  {
    name: 'URLSearchParams entries spread and joined without sort (TypeScript)',
    code: `export function canonicalRequest(url: URL, headers: string, signedHeaders: string, hash: string): string {
  const query = [...url.searchParams.entries()].map(([k, v]) => \`\${k}=\${v}\`).join('&');
  return ['GET', url.pathname, query, headers, signedHeaders, hash].join('\\n');
}`,
    errors: [
      {
        messageId: 'unsortedQueryJoin',
        line: 2,
        column: 17,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonicalRequest(url: URL, headers: string, signedHeaders: string, hash: string): string {
  const query = canonicalQueryString([...url.searchParams.entries()].map(([k, v]) => \`\${k}=\${v}\`).join('&'));
  return ['GET', url.pathname, query, headers, signedHeaders, hash].join('\\n');
}` },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'canonical request pushed line by line, query from querystring.stringify',
    filename: 'file.js',
    code: `var qs = require('querystring');
function canonicalRequest(method, uri, headers, payload) {
  var parts = [];
  parts.push(method.toUpperCase());
  parts.push(uri.pathname);
  parts.push(qs.stringify(uri.query));
  parts.push(canonicalHeaders(headers));
  parts.push(signedHeaders(headers));
  parts.push(payload);
  return parts.join('\\n');
}
module.exports = canonicalRequest;`,
    errors: [
      {
        messageId: 'formEncodedQuery',
        line: 6,
        column: 14,
        suggestions: [
          { messageId: 'useCanonicalQueryString', output: `var qs = require('querystring');
var { canonicalQueryString } = require('sigv4-migrate/sigv4');
function canonicalRequest(method, uri, headers, payload) {
  var parts = [];
  parts.push(method.toUpperCase());
  parts.push(uri.pathname);
  parts.push(canonicalQueryString(uri.query));
  parts.push(canonicalHeaders(headers));
  parts.push(signedHeaders(headers));
  parts.push(payload);
  return parts.join('\\n');
}
module.exports = canonicalRequest;` },
        ],
      },
    ],
    output: null,
  },
];

const valid: ValidTestCase<[]>[] = [
  {
    name: 'sorted literal query',
    filename: 'file.js',
    code: `const q = 'Action=SendEmail&Destination.ToAddresses.member.1=' + to + '&Source=' + from;
const canonicalRequest = ['POST', '/', q, canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
  {
    name: 'X-Amz-* presign parameters in sorted order',
    filename: 'file.js',
    code: `const query = \`X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=\${cred}&X-Amz-Date=\${amzDate}&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\`;
const canonicalRequest = \`GET\\n/\${key}\\n\${query}\\nhost:\${host}\\n\\nhost\\n\${payload}\`;
const url = \`https://\${host}/\${key}?\${query}&X-Amz-Signature=\${signature}\`;`,
  },
  {
    name: 'sorted keys with an RFC 3986 encoder',
    filename: 'file.js',
    code: `const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
function canonicalQuery(params) {
  return Object.keys(params).sort().map((k) => enc(k) + '=' + enc(params[k])).join('&');
}
export const canonical = (p, h, signedHeaders, x) => ['GET', '/', canonicalQuery(p), h, signedHeaders, x].join('\\n');`,
  },
  {
    name: 'encoder fixed by a chain of replaceAll calls',
    filename: 'file.js',
    code: `const enc = (s) => encodeURIComponent(s).replaceAll('!', '%21').replaceAll("'", '%27').replaceAll('(', '%28').replaceAll(')', '%29').replaceAll('*', '%2A');
const query = Object.keys(params).sort().map((k) => enc(k) + '=' + enc(params[k])).join('&');
const canonicalRequest = ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
  {
    name: 'hex escapes upper-cased after padStart',
    filename: 'file.js',
    code: `function hexEscape(c) { return '%' + c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase(); }
const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, hexEscape);
const query = Object.keys(params).sort().map((k) => enc(k) + '=' + enc(params[k])).join('&');
const canonicalRequest = ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
  {
    name: 'code-point comparator',
    filename: 'file.js',
    code: `const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const query = Object.keys(params).sort(byCodePoint).map((k) => k + '=' + params[k]).join('&');
const canonicalRequest = ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
  {
    name: 'keys sorted in place before the join',
    filename: 'file.js',
    code: `function canonicalQueryString(params) {
  const keys = Object.keys(params);
  keys.sort();
  return keys.map((k) => k + '=' + params[k]).join('&');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
  },
  {
    name: 'for…of over sorted keys',
    filename: 'file.js',
    code: `function canonicalQueryString(params) {
  const pairs = [];
  for (const k of Object.keys(params).sort()) pairs.push(k + '=' + params[k]);
  return pairs.join('&');
}
const scope = 'aws4_request';`,
  },
  {
    name: 'sorted array literal',
    filename: 'file.js',
    code: `const canonicalRequest = ['GET', '/', ['Action=ListUsers', 'Version=2010-05-08'].join('&'), canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
  {
    name: 'no query at all',
    filename: 'file.js',
    code: `const canonicalRequest = ['GET', '/', '', canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
  {
    name: 'the helper\'s canonicalQueryString',
    filename: 'file.js',
    code: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export const canonical = (url, h, signedHeaders, x) => ['GET', url.pathname, canonicalQueryString(url.searchParams), h, signedHeaders, x].join('\\n');`,
  },
  {
    name: 'the query-string package sorts and strictly encodes',
    filename: 'file.js',
    code: `import queryString from 'query-string';
export const canonical = (q, h, signedHeaders, x) => ['GET', '/', queryString.stringify(q), h, signedHeaders, x].join('\\n');`,
  },
  {
    name: 'lower-cased, sorted canonical headers',
    filename: 'file.js',
    code: `export function canonical(query, headers, payloadHash) {
  const names = Object.keys(headers).map((k) => k.toLowerCase()).sort();
  const canonicalHeaders = names.map((k) => k + ':' + String(headers[k]).trim() + '\\n').join('');
  return ['GET', '/', query, canonicalHeaders, names.join(';'), payloadHash].join('\\n');
}`,
  },
  {
    name: 'literal header lines, lower-case and sorted',
    filename: 'file.js',
    code: `const canonicalHeaders = \`host:\${host}\\nx-amz-content-sha256:\${hash}\\nx-amz-date:\${amzDate}\\n\`;
const canonicalRequest = ['GET', '/', '', canonicalHeaders, 'host;x-amz-content-sha256;x-amz-date', hash].join('\\n');`,
  },
  {
    name: 'case-insensitive sort of header names that are lower-cased anyway',
    filename: 'file.js',
    code: `const names = Object.keys(headers).sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1).map((k) => k.toLowerCase());
const canonicalRequest = ['GET', '/', '', names.map((k) => k + ':' + headers[k] + '\\n').join(''), names.join(';'), hash].join('\\n');`,
  },
  {
    name: 'encodeURIComponent for the path, not the query',
    filename: 'file.js',
    code: `const path = '/' + key.split('/').map((s) => encodeURIComponent(s)).join('/');
const canonicalRequest = ['GET', path, '', canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
  {
    name: 'URLSearchParams for the final URL only',
    filename: 'file.js',
    code: `const canonicalRequest = ['GET', '/', canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\\n');
const url = 'https://example.com/?' + new URLSearchParams({ b: '1', a: '2' }).toString();`,
  },
  {
    name: 'querystring.stringify for a form body in a SigV4 file',
    filename: 'file.js',
    code: `import querystring from 'querystring';
const body = querystring.stringify({ Action: 'SendEmail', Source: from });
const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256(body)].join('\\n');`,
  },
  {
    name: 'localeCompare elsewhere in a SigV4 file',
    filename: 'file.js',
    code: `const files = names.sort((a, b) => a.localeCompare(b));
const scope = \`\${day}/us-east-1/s3/aws4_request\`;`,
  },
  {
    name: 'a shadowing encodeURIComponent that completes the encoding',
    filename: 'file.js',
    code: `function encodeURIComponent(s) { return globalThis.encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()); }
const query = Object.keys(params).sort().map((k) => k + '=' + encodeURIComponent(params[k])).join('&');
const canonicalRequest = ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
  {
    name: 'OAuth 1.0a base string (not SigV4)',
    filename: 'file.js',
    code: `const params = Object.keys(oauth).map((k) => k + '=' + encodeURIComponent(oauth[k])).join('&');
const baseString = ['POST', encodeURIComponent(url), encodeURIComponent(params)].join('&');
const signature = hmacSha1(consumerSecret + '&' + tokenSecret, baseString);`,
  },
  {
    name: 'plain URL builder (not SigV4)',
    filename: 'file.js',
    code: `export function buildUrl(base, params) {
  return base + '?' + Object.keys(params).map((k) => k + '=' + encodeURIComponent(params[k])).join('&') + '&page=' + page;
}`,
  },
  {
    name: 'six lines joined with \\n that are not a canonical request',
    filename: 'file.js',
    code: `const label = [name, street, 'b=1&a=2', city, country, zip].join('\\n');`,
  },
  {
    name: 'aws4 library signs (no hand-built canonical request)',
    filename: 'file.js',
    code: `const aws4 = require('aws4');
const opts = aws4.sign({ host: 'sqs.us-east-1.amazonaws.com', path: '/?Action=ListQueues&Version=2012-11-05' }, credentials);`,
  },
  {
    name: 'AWS SDK v3 SignatureV4',
    code: `import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'execute-api', sha256: Sha256 });
export const sign = (request: any) => signer.sign({ ...request, query: { b: '1', a: '2' } });`,
  },
  {
    name: 'TypeScript presigner with sorted entries and toSorted',
    code: `const rfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => \`%\${c.charCodeAt(0).toString(16).toUpperCase()}\`);
export function canonicalQuery(params: Record<string, string>): string {
  return Object.entries(params).toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => \`\${rfc3986(k)}=\${rfc3986(v)}\`).join('&');
}
export const ALGORITHM = 'AWS4-HMAC-SHA256';`,
  },
  {
    name: 'encoder completed by a wrapper function (aws4 style)',
    filename: 'file.js',
    code: `function encodeRfc3986(encoded) {
  return encoded.replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
function encodeRfc3986Full(value) {
  return encodeRfc3986(encodeURIComponent(value));
}
exports.canonicalQuery = (params) => Object.keys(params).sort().map((k) => encodeRfc3986Full(k) + '=' + encodeRfc3986Full(params[k])).join('&');
exports.algorithm = 'AWS4-HMAC-SHA256';`,
  },
  {
    name: 'prose with "Name: value" lines is not a header list',
    filename: 'file.js',
    code: `function canonicalHeaders(headers, error) {
  const names = Object.keys(headers).map((n) => n.toLowerCase()).sort();
  if (!names.length) throw new Error('Header: missing\\nHost: ' + error.host + '\\nDate: ' + error.date);
  return names.map((n) => n + ':' + headers[n] + '\\n').join('');
}
const scope = 'aws4_request';`,
  },
  {
    name: 'URLSearchParams entries spread, then sorted by code point',
    code: `export function canonicalRequest(url: URL, headers: string, signedHeaders: string, hash: string): string {
  const rfc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => \`%\${c.charCodeAt(0).toString(16).toUpperCase()}\`);
  const query = [...url.searchParams].map(([k, v]) => [rfc(k), rfc(v)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => \`\${k}=\${v}\`).join('&');
  return ['GET', url.pathname, query, headers, signedHeaders, hash].join('\\n');
}`,
  },
  {
    name: 'encodeURIComponent of a literal that has nothing RFC 3986 encodes differently',
    filename: 'file.js',
    code: `const query = 'Action=SendEmail&Source=' + encodeURIComponent('alerts@example.com');
const canonicalRequest = ['GET', '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\\n');`,
  },
];

/** The JavaScript cases, run again under espree (ESLint's default parser). */
const ESPREE_CASES = new Set<string>([
  'seed: SES query concatenated as Action, Source, Destination (ESM)',
  'seed in CommonJS: the suggestion adds a require',
  'template query in X-Amz order that is not sorted',
  'array of parameters joined with & in written order',
  'parameters pushed in written order',
  'Object.keys(…).map(…).join("&") without sort',
  'for…in loop pushing pairs',
  'for…of over Object.keys without sort',
  'URLSearchParams#toString',
  'url.searchParams.toString() inline in the join',
  'URLSearchParams interpolated into a canonical template',
  'querystring.stringify (default import)',
  'destructured stringify from require("node:querystring")',
  'bare encodeURIComponent on values of a sorted query',
  'encodeURI in a helper the query calls',
  'escape()',
  'encodeURIComponent passed as a callback',
  'lower-case hex from toString(16)',
  'lower-case hex written as a literal replacement',
  'localeCompare comparator',
  'Intl.Collator#compare as comparator',
  'canonical headers joined without sort',
  'canonical headers from an object literal with capitalised names',
  'canonical header lines written with capitals',
  'signed headers listed out of order',
  'headers sorted with localeCompare',
  'canonical request as a + chain with an unsorted literal query',
  'a function named getCanonicalQuery in a file with the SigV4 algorithm name',
  'signed headers joined from Object.keys without sort (CommonJS)',
  'canonical request pushed line by line, query from querystring.stringify',
  'sorted literal query',
  'X-Amz-* presign parameters in sorted order',
  'sorted keys with an RFC 3986 encoder',
  'encoder fixed by a chain of replaceAll calls',
  'hex escapes upper-cased after padStart',
  'code-point comparator',
  'keys sorted in place before the join',
  'for…of over sorted keys',
  'sorted array literal',
  'no query at all',
  'the helper\'s canonicalQueryString',
  'the query-string package sorts and strictly encodes',
  'lower-cased, sorted canonical headers',
  'literal header lines, lower-case and sorted',
  'case-insensitive sort of header names that are lower-cased anyway',
  'encodeURIComponent for the path, not the query',
  'URLSearchParams for the final URL only',
  'querystring.stringify for a form body in a SigV4 file',
  'localeCompare elsewhere in a SigV4 file',
  'a shadowing encodeURIComponent that completes the encoding',
  'OAuth 1.0a base string (not SigV4)',
  'plain URL builder (not SigV4)',
  'six lines joined with \\n that are not a canonical request',
  'aws4 library signs (no hand-built canonical request)',
  'encoder completed by a wrapper function (aws4 style)',
  'prose with "Name: value" lines is not a header list',
  'encodeURIComponent of a literal that has nothing RFC 3986 encodes differently',
]);

typescriptRuleTester.run('sorted-canonical-query', rule, { valid, invalid });

javascriptRuleTester.run('sorted-canonical-query (espree)', rule, {
  valid: valid.filter((testCase) => ESPREE_CASES.has(testCase.name ?? '')),
  invalid: invalid.filter((testCase) => ESPREE_CASES.has(testCase.name ?? '')),
});

describe('the canonicalQueryString suggestion', () => {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.js'],
      languageOptions: { parser: tsParser as Linter.Parser },
      // typescript-eslint types the rule; ESLint's rule type is the same object at run time.
      plugins: { sigv4: { rules: { 'sorted-canonical-query': rule as unknown as Rule.RuleModule } } },
      rules: { 'sigv4/sorted-canonical-query': 'error' },
    },
  ];

  for (const testCase of invalid) {
    for (const error of testCase.errors) {
      const suggestion = error.suggestions?.find((candidate) => candidate.messageId === 'useCanonicalQueryString');
      if (!suggestion?.output) continue;
      it(`resolves ${error.messageId} in "${testCase.name}"`, () => {
        const messages = linter.verify(suggestion.output, config, testCase.filename ?? 'file.ts');
        assert.deepEqual(
          messages.filter((message) => message.fatal || message.messageId === error.messageId).map((message) => `${message.line}:${message.column} ${message.message}`),
          [],
        );
      });
    }
  }
});
