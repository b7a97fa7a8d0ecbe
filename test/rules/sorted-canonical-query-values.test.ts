// Proves sorted-canonical-query follows values the way real signing code moves them (issue 8 C): a
// canonical query built in one function and passed to another, or kept on `this`, comparators passed
// through aliases and methods; and stays silent on objects sorted just before and on encodeURIComponent
// of values that cannot hold !'()* (the credential scope, fixed X-Amz-* values).
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import rule from '../../rules/sorted-canonical-query';
import { javascriptRuleTester, typescriptRuleTester } from '../support/rule-tester';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;

const valid = [
  // Keys of an object a `sortKeys` (imported) made: already in order.
  `import sortKeys from 'sort-keys';
export function canonical(params, h, s, x) {
  const sorted = sortKeys(params);
  const query = Object.keys(sorted).map((k) => k + '=' + sorted[k]).join('&');
  return ['GET', '/', query, h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
  // A for…in over an object a local `sortObject` returned.
  `function sortObject(o) { return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))); }
export function canonical(params, h, s, x) {
  const ordered = sortObject(params);
  const pairs = [];
  for (const k in ordered) pairs.push(k + '=' + ordered[k]);
  return ['GET', '/', pairs.join('&'), h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
  // A canonical request accumulated with += whose header lines are in order.
  `function canonicalRequest(req, hash) {
  let canonical = req.method + '\\n';
  canonical += req.path + '\\n';
  canonical += '' + '\\n';
  canonical += 'host:' + req.host + '\\n';
  canonical += 'x-amz-date:' + req.date + '\\n';
  canonical += '\\n';
  canonical += 'host;x-amz-date' + '\\n';
  canonical += hash;
  return canonical;
}
const algorithm = 'AWS4-HMAC-SHA256';`,
  // encodeURIComponent of the credential scope: only [A-Za-z0-9/_-] can occur.
  `export function presignQuery(accessKeyId, date, region, service, h, s, x) {
  const scope = date + '/' + region + '/' + service + '/aws4_request';
  const query = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=' + encodeURIComponent(accessKeyId + '/' + scope) + '&X-Amz-Date=' + date + '&X-Amz-SignedHeaders=host';
  return ['GET', '/', query, h, s, x].join('\\n');
}`,
  // The same scope read from environment names (AWS_ACCESS_KEY_ID, AWS_REGION) and a day sliced off the date.
  `export function presign(env, h, s, x) {
  const amzDate = new Date().toISOString().replace(/[:-]|\\.\\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = \`\${day}/\${env.AWS_REGION}/s3/aws4_request\`;
  const credential = encodeURIComponent(\`\${env.AWS_ACCESS_KEY_ID}/\${scope}\`);
  const query = 'X-Amz-Algorithm=AWS4-HMAC-SHA256' + \`&X-Amz-Credential=\${credential}\` + \`&X-Amz-Date=\${amzDate}\`;
  return ['GET', '/', query, h, s, x].join('\\n');
}`,
  // Raw pairs decoded and encoded again before they are sorted: the canonical form.
  `function encode(text) { return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()); }
function normaliseQuery(url) {
  const query = url.slice(url.indexOf('?') + 1);
  return query.split('&').map((pair) => pair.split('=').map((part) => encode(decodeURIComponent(part))).join('=')).sort().join('&');
}
export function canonical(req, h, s, x) {
  return [req.method, req.path, normaliseQuery(req.url), h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
  // The query of url.parse(…, true) is an object, and a destructured \`pathname\` is not the query.
  `const url = require('url');
function canonical(method, endpoint, h, s, x) {
  const { pathname, search } = url.parse(endpoint);
  return [method, pathname, '', h, s, x].join('\\n') + search;
}
const algorithm = 'AWS4-HMAC-SHA256';`,
  // qs.stringify with a sort option: sorted where it is encoded.
  `import qs from 'qs';
export function canonical(params, h, s, x) {
  const query = qs.stringify(params, { sort: (a, b) => (a < b ? -1 : a > b ? 1 : 0) });
  return ['GET', '/', query, h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    name: 'qs.stringify without a sort option: RFC 3986 encoded but in insertion order',
    code: `import qs from 'qs';
export function canonical(filters, h, s, x) {
  const query = qs.stringify({ maxResults: 50, ...filters });
  return ['GET', '/', query, h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    output: null,
    errors: [{ messageId: 'unsortedQueryJoin', line: 3, column: 17, endLine: 3, endColumn: 61, suggestions: [{ messageId: 'useCanonicalQueryString', output: `import qs from 'qs';
import { canonicalQueryString } from 'sigv4-migrate/sigv4';
export function canonical(filters, h, s, x) {
  const query = canonicalQueryString({ maxResults: 50, ...filters });
  return ['GET', '/', query, h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';` }] }],
  },
  {
    name: 'the query destructured from url.parse(…): the raw query string signed as written',
    code: `const url = require('url');
function canonical(method, endpoint, h, s, x) {
  const { pathname, query } = url.parse(endpoint);
  return [method, pathname, query || '', h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    output: null,
    errors: [{ messageId: 'rawUrlQuery', line: 3, column: 21, endLine: 3, endColumn: 26, suggestions: [{ messageId: 'useCanonicalQueryString', output: `const url = require('url');
const { canonicalQueryString } = require('sigv4-migrate/sigv4');
function canonical(method, endpoint, h, s, x) {
  const { pathname, query } = url.parse(endpoint);
  return [method, pathname, canonicalQueryString(query || ''), h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';` }] }],
  },
  {
    name: 'raw pairs of a URL query sorted with split/sort/join but never re-encoded',
    code: `function normaliseQuery(url) {
  const query = url.slice(url.indexOf('?') + 1);
  return query.split('&').sort().join('&');
}
export function canonical(req, h, s, x) {
  return [req.method, req.path, normaliseQuery(req.url), h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    output: null,
    errors: [{ messageId: 'rawUrlQuery', line: 3, column: 10, endLine: 3, endColumn: 43, suggestions: [{ messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
function normaliseQuery(url) {
  const query = url.slice(url.indexOf('?') + 1);
  return canonicalQueryString(query);
}
export function canonical(req, h, s, x) {
  return [req.method, req.path, normaliseQuery(req.url), h, s, x].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';` }] }],
  },
  {
    name: 'a query built in one function and passed as an argument to the one that joins the canonical request',
    code: `function buildCanonicalRequest(method, path, query, headers, signedHeaders, payloadHash) {
  return [method, path, query, headers, signedHeaders, payloadHash].join('\\n');
}
export function sign(params, headers) {
  const query = Object.keys(params).map((k) => k + '=' + params[k]).join('&');
  return buildCanonicalRequest('GET', '/', query, headers, 'host;x-amz-date', 'UNSIGNED-PAYLOAD');
}`,
    output: null,
    errors: [{ messageId: 'unsortedQueryJoin', line: 5, column: 17, suggestions: [{ messageId: 'sortQueryParameters', output: `function buildCanonicalRequest(method, path, query, headers, signedHeaders, payloadHash) {
  return [method, path, query, headers, signedHeaders, payloadHash].join('\\n');
}
export function sign(params, headers) {
  const query = Object.keys(params).sort().map((k) => k + '=' + params[k]).join('&');
  return buildCanonicalRequest('GET', '/', query, headers, 'host;x-amz-date', 'UNSIGNED-PAYLOAD');
}` }, { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
function buildCanonicalRequest(method, path, query, headers, signedHeaders, payloadHash) {
  return [method, path, query, headers, signedHeaders, payloadHash].join('\\n');
}
export function sign(params, headers) {
  const query = canonicalQueryString(params);
  return buildCanonicalRequest('GET', '/', query, headers, 'host;x-amz-date', 'UNSIGNED-PAYLOAD');
}` }] }],
  },
  {
    name: 'a query stored on this in the constructor and joined in a method',
    code: `class Signer {
  constructor(params) {
    this.query = Object.keys(params).map((k) => k + '=' + params[k]).join('&');
  }
  canonicalRequest(headers, signedHeaders, hash) {
    return ['GET', '/', this.query, headers, signedHeaders, hash].join('\\n');
  }
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    output: null,
    errors: [{ messageId: 'unsortedQueryJoin', line: 3, column: 18, suggestions: [{ messageId: 'sortQueryParameters', output: `class Signer {
  constructor(params) {
    this.query = Object.keys(params).sort().map((k) => k + '=' + params[k]).join('&');
  }
  canonicalRequest(headers, signedHeaders, hash) {
    return ['GET', '/', this.query, headers, signedHeaders, hash].join('\\n');
  }
}
const algorithm = 'AWS4-HMAC-SHA256';` }, { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
class Signer {
  constructor(params) {
    this.query = canonicalQueryString(params);
  }
  canonicalRequest(headers, signedHeaders, hash) {
    return ['GET', '/', this.query, headers, signedHeaders, hash].join('\\n');
  }
}
const algorithm = 'AWS4-HMAC-SHA256';` }] }],
  },
  {
    name: 'a case-folding comparator method passed through an alias',
    code: `const byName = (a, b) => a.localeCompare(b);
class Signer {
  compare(a, b) { return a.toLowerCase() < b.toLowerCase() ? -1 : 1; }
  canonicalQuery(params) {
    const order = this.compare;
    return Object.keys(params).sort(order).map((k) => k + '=' + params[k]).join('&');
  }
  canonicalRequest(params, headers, signedHeaders, hash) {
    return ['GET', '/', this.canonicalQuery(params), headers, signedHeaders, hash].join('\\n');
  }
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    output: null,
    errors: [{ messageId: 'caseInsensitiveOrder', line: 6, column: 37, suggestions: [{ messageId: 'useCodePointComparator', output: `const byName = (a, b) => a.localeCompare(b);
class Signer {
  compare(a, b) { return (a < b ? -1 : a > b ? 1 : 0); }
  canonicalQuery(params) {
    const order = this.compare;
    return Object.keys(params).sort(order).map((k) => k + '=' + params[k]).join('&');
  }
  canonicalRequest(params, headers, signedHeaders, hash) {
    return ['GET', '/', this.canonicalQuery(params), headers, signedHeaders, hash].join('\\n');
  }
}
const algorithm = 'AWS4-HMAC-SHA256';` }, { messageId: 'useCanonicalQueryString', output: `import { canonicalQueryString } from 'sigv4-migrate/sigv4';
const byName = (a, b) => a.localeCompare(b);
class Signer {
  compare(a, b) { return a.toLowerCase() < b.toLowerCase() ? -1 : 1; }
  canonicalQuery(params) {
    const order = this.compare;
    return Object.keys(params).sort(order).map((k) => k + '=' + params[k]).join('&');
  }
  canonicalRequest(params, headers, signedHeaders, hash) {
    return ['GET', '/', canonicalQueryString(this.canonicalQuery(params)), headers, signedHeaders, hash].join('\\n');
  }
}
const algorithm = 'AWS4-HMAC-SHA256';` }] }],
  },
  {
    name: 'the raw query of url.parse(u) signed as written',
    code: `const url = require('url');
function canonicalRequest(method, u, headers, signedHeaders, hash) {
  const query = url.parse(u).query;
  return [method, '/', query, headers, signedHeaders, hash].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    output: null,
    errors: [{ messageId: 'rawUrlQuery', line: 3, column: 17, suggestions: [{ messageId: 'useCanonicalQueryString', output: `const url = require('url');
const { canonicalQueryString } = require('sigv4-migrate/sigv4');
function canonicalRequest(method, u, headers, signedHeaders, hash) {
  const query = canonicalQueryString(url.parse(u).query);
  return [method, '/', query, headers, signedHeaders, hash].join('\\n');
}
const algorithm = 'AWS4-HMAC-SHA256';` }] }],
  },
  {
    name: 'a canonical request accumulated with += whose header lines are appended unsorted',
    code: `function canonicalRequest(req, hash) {
  let canonical = req.method + '\\n';
  canonical += req.path + '\\n';
  canonical += '' + '\\n';
  canonical += 'x-amz-date:' + req.date + '\\n';
  canonical += 'host:' + req.host + '\\n';
  canonical += '\\n';
  canonical += 'x-amz-date;host' + '\\n';
  canonical += hash;
  return canonical;
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    output: null,
    // On the appended lines a reader must change: the out-of-order header and the signed-headers list.
    errors: [
      { messageId: 'unsortedCanonicalHeaders', line: 6, column: 3, endLine: 6, endColumn: 42 },
      { messageId: 'unsortedCanonicalHeaders', line: 8, column: 3, endLine: 8, endColumn: 41 },
    ],
  },
  {
    name: 'a header name appended with upper case to a canonical request accumulated with +=',
    code: `function canonicalRequest(req, hash) {
  let canonical = req.method + '\\n';
  canonical += req.path + '\\n';
  canonical += '' + '\\n';
  canonical += 'host:' + req.host + '\\n';
  canonical += 'X-Amz-Date:' + req.date + '\\n';
  canonical += 'x-amz-security-token:' + req.token + '\\n';
  canonical += '\\n';
  canonical += 'host;x-amz-date;x-amz-security-token' + '\\n';
  canonical += hash;
  return canonical;
}
const algorithm = 'AWS4-HMAC-SHA256';`,
    output: null,
    errors: [{ messageId: 'headerNamesNotLowercased', data: { names: 'X-Amz-Date' }, line: 6, column: 3, endLine: 6, endColumn: 48 }],
  },
];

// @typescript-eslint/rule-tester bundles its own copy of @typescript-eslint/utils, whose scope types
// are nominally different from ours; the rule object itself is the same at run time.
const testedRule = rule as unknown as Parameters<typeof typescriptRuleTester.run<MessageIds, []>>[1];

typescriptRuleTester.run('sorted-canonical-query (values)', testedRule, { valid, invalid });
javascriptRuleTester.run('sorted-canonical-query (values, espree)', testedRule, { valid, invalid });
