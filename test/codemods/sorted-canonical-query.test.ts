// Outcomes of the sorted-canonical-query codemod that fixture pairs cannot show: manual to-dos, one
// shared edit per canonical request, and the rule-side choice of the rewrite.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Project } from 'ts-morph';
import codemod from '../../codemods/sorted-canonical-query';
import type { Finding } from '../../codemods/types';
import { rules } from '../../rules/index';
import {
  canonicalQueryRewriteData,
  canonicalQueryRewriteFromData,
  chooseCanonicalQueryRewrites,
} from '../../rules/utils/canonical-query-rewrite';
import { migrateSource } from '../../src/migrate';

function migrate(text: string, options: { extension?: string; annotate?: boolean } = {}) {
  return migrateSource({
    filePath: `/virtual/file.${options.extension ?? 'mjs'}`,
    text,
    annotate: options.annotate ?? false,
    rules: { 'sorted-canonical-query': rules['sorted-canonical-query'] },
  });
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('sorted-canonical-query codemod: manual outcomes', () => {
  const literalQuery = [
    "export const canonical = (host, hash) => `GET\\n/\\nb=2&a=1\\nhost:${host}\\n\\nhost\\n${hash}`;",
    "export const ALGORITHM = 'AWS4-HMAC-SHA256';",
    '',
  ].join('\n');

  it('leaves a query written as literal text in the canonical request, with the message naming its order', () => {
    const result = migrate(literalQuery);
    assert.equal(result.output, literalQuery);
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]?.status, 'manual');
    assert.match(result.findings[0]?.message ?? '', /^The canonical query lists its parameters in written order \(b, a\)/);
    assert.equal(result.findings[0]?.why, undefined);
    assert.equal(result.remaining, 1);
  });

  const unsortedHeaders = [
    "import { sha256Hex } from './hash.js';",
    'export function canonicalRequest(host, amzDate, query) {',
    "  return ['GET', '/', query, 'X-Amz-Date:' + amzDate + '\\nhost:' + host + '\\n', 'x-amz-date;host', sha256Hex('')].join('\\n');",
    '}',
    "export const ALGORITHM = 'AWS4-HMAC-SHA256';",
    '',
  ].join('\n');

  it('reports unsorted and upper-case canonical headers as manual work, worded as ESLint words them', () => {
    const result = migrate(unsortedHeaders);
    assert.equal(result.output, unsortedHeaders);
    assert.equal(result.remaining, 3);
    assert.deepEqual(result.findings.map((finding) => finding.status), ['manual', 'manual', 'manual']);
    const messages = result.findings.map((finding) => finding.message);
    assert.ok(messages.some((message) => message.startsWith('The canonical headers use names that are not lower-cased (X-Amz-Date).')));
    assert.ok(messages.some((message) => message.startsWith('The canonical headers are written in the order X-Amz-Date, host.')));
    assert.ok(messages.some((message) => message.startsWith('The canonical headers are written in the order x-amz-date, host.')));
  });

  it('writes the message above the headers with --annotate', () => {
    const result = migrate(unsortedHeaders, { annotate: true });
    assert.match(result.output, /\/\/ sigv4-migrate: The canonical headers [^\n]*\n {2}return \['GET'/);
  });

  it('says manual when the finding carries no rewrite from the rule', () => {
    const project = new Project({ useInMemoryFileSystem: true });
    const sourceFile = project.createSourceFile('/virtual/x.js', 'const query = Object.keys(p).join("&");\n');
    const finding: Finding = {
      ruleId: 'sorted-canonical-query',
      messageId: 'unsortedQueryJoin',
      message: 'the rule message',
      line: 1,
      column: 15,
      endLine: 1,
      endColumn: 38,
      range: [14, 37],
      suggestions: [{ messageId: 'useCanonicalQueryString', description: 'wrap', edit: { start: 14, end: 37, text: 'x' } }],
    };
    const outcome = codemod({
      finding,
      sourceFile,
      node: sourceFile,
      project,
      helper: { use: () => assert.fail('no helper is needed for a manual outcome') },
      resolveImport: () => undefined,
    });
    assert.deepEqual(outcome, { kind: 'manual', todo: '' });
  });
});

describe('sorted-canonical-query codemod: rewrites', () => {
  it('gives every finding of one canonical request the same edit, and counts them all fixed', () => {
    const text = [
      "import { createHash } from 'node:crypto';",
      "const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');",
      'export function canonicalRequest(host, to, subject) {',
      "  const query = 'Action=SendEmail' + '&Message.Subject.Data=' + encodeURIComponent(subject) + '&Destination.ToAddresses.member.1=' + encodeURIComponent(to);",
      "  return ['GET', '/', query, `host:${host}\\n`, 'host', sha256Hex('')].join('\\n');",
      '}',
      "export const ALGORITHM = 'AWS4-HMAC-SHA256';",
      '',
    ].join('\n');
    const result = migrate(text);
    assert.equal(result.findings.length, 3);
    assert.deepEqual(result.findings.map((finding) => finding.status), ['fixed', 'fixed', 'fixed']);
    assert.equal(result.remaining, 0);
    assert.equal(occurrences(result.output, 'canonicalQueryString('), 1);
    assert.match(result.output, /\['GET', '\/', canonicalQueryString\(query\), `host/);
    // The wire-side query is left as written: the literal out of order has no fix in the builder, so its encoders are not rewritten either.
    assert.match(result.output, /const query = 'Action=SendEmail' \+/);
    assert.doesNotMatch(result.output, /encodeRfc3986/);
  });

  it('fixes a locale comparator and a bare encoder in the builder, with no helper', () => {
    const text = [
      'export function canonicalRequest(params, headers, signedHeaders, hash) {',
      '  const query = Object.keys(params).sort((a, b) => a.localeCompare(b)).map((k) => `${k}=${encodeURIComponent(params[k])}`).join(\'&\');',
      "  return ['GET', '/', query, headers, signedHeaders, hash].join('\\n');",
      '}',
      "export const ALGORITHM = 'AWS4-HMAC-SHA256';",
      '',
    ].join('\n');
    const result = migrate(text);
    assert.deepEqual(result.findings.map((finding) => finding.status), ['fixed', 'fixed']);
    assert.equal(result.remaining, 0);
    assert.match(result.output, /\.sort\(\(a, b\) => \(a < b \? -1 : a > b \? 1 : 0\)\)/);
    assert.match(result.output, /^const encodeRfc3986 = \(s\) => encodeURIComponent\(s\)\.replace\(/);
    assert.match(result.output, /`\$\{k\}=\$\{encodeRfc3986\(params\[k\]\)\}`/);
    assert.match(result.output, /\['GET', '\/', query, headers/);
    assert.doesNotMatch(result.output, /canonicalQueryString/);
  });

  it('completes a bare encoder in place where no canonical request is visible', () => {
    const text = [
      'export function canonicalQuery(params) {',
      "  return Object.keys(params).sort().map((k) => k + '=' + encodeURIComponent(params[k])).join('&');",
      '}',
      "export const SCOPE = 'aws4_request';",
      '',
    ].join('\n');
    const result = migrate(text);
    assert.equal(result.findings[0]?.status, 'fixed');
    assert.equal(result.remaining, 0);
    assert.match(result.output, /k \+ '=' \+ encodeRfc3986\(params\[k\]\)/);
    assert.equal(occurrences(result.output, 'const encodeRfc3986 = (s) => encodeURIComponent(s)'), 1);
    assert.doesNotMatch(result.output, /sigv4-migrate\/sigv4/);
  });

  it('reuses an encodeRfc3986 the file already declares', () => {
    const text = [
      "function encodeRfc3986(s) { return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()); }",
      'export function canonicalQuery(params) {',
      "  return Object.keys(params).sort().map((k) => encodeRfc3986(k) + '=' + encodeURIComponent(params[k])).join('&');",
      '}',
      "export const SCOPE = 'aws4_request';",
      '',
    ].join('\n');
    const result = migrate(text);
    assert.equal(result.findings[0]?.status, 'fixed');
    assert.equal(occurrences(result.output, 'encodeRfc3986'), 3);
    assert.doesNotMatch(result.output, /encodeURIComponent\(params/);
  });

  it('upper-cases a lower-case escape written as a replacement literal', () => {
    const text = [
      "const enc = (s) => encodeURIComponent(s).replace(/!/g, '%21').replace(/\\*/g, '%2a').replace(/'/g, '%27').replace(/\\(/g, '%28').replace(/\\)/g, '%29');",
      'export function canonicalRequest(params, h, s, p) {',
      "  const query = Object.keys(params).sort().map((k) => `${enc(k)}=${enc(params[k])}`).join('&');",
      "  return ['GET', '/', query, h, s, p].join('\\n');",
      '}',
      "export const ALGORITHM = 'AWS4-HMAC-SHA256';",
      '',
    ].join('\n');
    const result = migrate(text);
    assert.equal(result.findings[0]?.status, 'fixed');
    assert.equal(result.remaining, 0);
    assert.match(result.output, /\.replace\(\/\\\*\/g, '%2A'\)/);
  });
});

describe('the rewrite the rule chooses (rules/utils/canonical-query-rewrite)', () => {
  const slot = [100, 105] as const;
  const chain = { target: [10, 60] as const, argument: [10, 60] as const };
  const params = { target: [100, 105] as const, argument: [101, 104] as const };

  it('keeps each finding its own rewrite when there is no query line', () => {
    assert.deepEqual(chooseCanonicalQueryRewrites(null, [{ own: chain, formEncoded: false }]), [chain]);
  });

  it('wraps the query line for every finding under it', () => {
    const chosen = chooseCanonicalQueryRewrites(slot, [
      { own: chain, formEncoded: false },
      { own: { target: slot, argument: slot }, formEncoded: false },
    ]);
    assert.deepEqual(chosen, [{ target: slot, argument: slot }, { target: slot, argument: slot }]);
  });

  it('prefers a rewrite of the query line itself that passes the params', () => {
    const chosen = chooseCanonicalQueryRewrites(slot, [{ own: { target: slot, argument: slot }, formEncoded: false }, { own: params, formEncoded: true }]);
    assert.deepEqual(chosen, [params, params]);
  });

  it('keeps a form-encoded string its own rewrite (a + cannot be re-read as a space)', () => {
    const stringified = { target: [20, 40] as const, argument: [20, 30] as const };
    const chosen = chooseCanonicalQueryRewrites(slot, [{ own: stringified, formEncoded: true }, { own: chain, formEncoded: false }]);
    assert.deepEqual(chosen, [stringified, { target: slot, argument: slot }]);
  });

  it('round-trips through suggestion data and refuses anything else', () => {
    assert.deepEqual(canonicalQueryRewriteFromData(canonicalQueryRewriteData(params)), params);
    assert.equal(canonicalQueryRewriteFromData(undefined), undefined);
    assert.equal(canonicalQueryRewriteFromData({ rewriteTarget: '5:3', rewriteArgument: '1:2' }), undefined);
    assert.equal(canonicalQueryRewriteFromData({ rewriteTarget: '1:2' }), undefined);
  });
});
