// Small pure pieces: applying TextEdit batches, the unified diff, atomic writes, the prefilter.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { OverlappingEditsError, applyTextEdits, findOverlap } from '../../codemods/utils/apply-edits';
import { rules } from '../../rules/index';
import { writeFileAtomically } from '../../src/cli/atomic-write';
import { unifiedDiff } from '../../src/cli/diff';
import { createPrefilter, ruleNeedles } from '../../src/engine/prefilter';
import { createProject } from './support/engine-fixtures';

const edit = (start: number, end: number, text: string) => ({ filePath: '/f.ts', start, end, text });

describe('applyTextEdits', () => {
  it('applies edits given in any order against the original offsets', () => {
    assert.equal(applyTextEdits('abcdef', [edit(4, 5, 'E'), edit(0, 1, 'A'), edit(2, 2, '+')]), 'Ab+cdEf');
  });

  it('rejects overlapping edits and competing insertions at one point', () => {
    assert.throws(() => applyTextEdits('abcdef', [edit(0, 3, 'x'), edit(2, 4, 'y')]), OverlappingEditsError);
    assert.throws(() => applyTextEdits('abcdef', [edit(2, 2, 'x'), edit(2, 2, 'y')]), OverlappingEditsError);
    assert.ok(findOverlap([edit(0, 3, 'x'), edit(1, 1, 'y')]));
  });

  it('accepts adjacent edits and identical duplicates', () => {
    assert.equal(applyTextEdits('abcdef', [edit(0, 2, 'X'), edit(2, 4, 'Y'), edit(6, 6, '!'), edit(6, 6, '!')]), 'XYef!');
    assert.equal(findOverlap([edit(0, 2, 'X'), edit(2, 4, 'Y')]), undefined);
  });

  it('rejects an edit outside the text', () => {
    assert.throws(() => applyTextEdits('abc', [edit(2, 9, 'x')]), RangeError);
  });
});

describe('unifiedDiff', () => {
  const lines = (count: number) => Array.from({ length: count }, (_, index) => `line ${index}\n`).join('');

  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'x.js'), '');
  });

  it('produces hunks with three lines of context that patch(1)/git apply accept', () => {
    const before = lines(30);
    const after = before.replace('line 2\n', 'line two\n').replace('line 20\n', '').replace('line 29\n', 'line 29\nlast');
    const diff = unifiedDiff(before, after, 'x.js');
    assert.match(diff, /^--- a\/x\.js\n\+\+\+ b\/x\.js\n@@ -1,6 \+1,6 @@\n line 0\n line 1\n-line 2\n\+line two\n line 3\n/);
    assert.match(diff, /\+last\n\\ No newline at end of file\n$/);
    const root = createProject({ 'x.js': before, 'x.diff': diff });
    execFileSync('git', ['apply', 'x.diff'], { cwd: root });
    assert.equal(readFileSync(join(root, 'x.js'), 'utf8'), after);
  });

  it('diffs a new file against /dev/null', () => {
    assert.equal(unifiedDiff('', 'a\nb\n', 'n.ts', { newFile: true }), '--- /dev/null\n+++ b/n.ts\n@@ -0,0 +1,2 @@\n+a\n+b\n');
  });
});

describe('writeFileAtomically', () => {
  it('replaces the content, keeps the mode, and leaves no temp file', () => {
    const root = createProject({ 'a.sh': 'old' });
    chmodSync(join(root, 'a.sh'), 0o755);
    writeFileAtomically(join(root, 'a.sh'), 'new');
    assert.equal(readFileSync(join(root, 'a.sh'), 'utf8'), 'new');
    assert.equal(statSync(join(root, 'a.sh')).mode & 0o777, 0o755);
    assert.deepEqual(readdirSync(root), ['a.sh']);
  });

  it('fails without touching the original when the folder is not writable', { skip: process.getuid?.() === 0 ? 'root ignores permissions' : false }, () => {
    const root = createProject({ 'a.js': 'old' });
    chmodSync(root, 0o555);
    try {
      assert.throws(() => writeFileAtomically(join(root, 'a.js'), 'new'));
      assert.equal(readFileSync(join(root, 'a.js'), 'utf8'), 'old');
    } finally {
      chmodSync(root, 0o755);
    }
  });
});

describe('prefilter', () => {
  it('has needles for every rule', () => {
    assert.deepEqual(Object.keys(ruleNeedles).sort(), Object.keys(rules).sort());
    for (const [rule, needles] of Object.entries(ruleNeedles)) {
      assert.ok(needles.length > 0 && needles.every((group) => group.length > 0), rule);
    }
  });

  it('keeps files that hold every needle of a group (case-sensitive where the rules are) and drops the rest', () => {
    const isCandidate = createPrefilter(Object.values(ruleNeedles));
    for (const text of [
      "headers['X-AMZN-Authorization']",
      "new AWS.S3({ signatureVersion: 'v2' })",
      's3.getSignedUrl("putObject")',
      "'AWS4-HMAC-SHA256'",
      "fetch(signedUrl, { method: 'PUT' })",
      'axios.put(uploadUrl, body)',
      "xhr.open('put', upload$url)",
      "require('knox')",
      "const request = require('request');\nrequest({ url, aws: { key, secret } })",
    ]) {
      assert.equal(isCandidate(text), true, text);
    }
    for (const text of [
      'export const add = (a, b) => a + b;',
      'const input = output; // computed',
      "fetch('/api', { method: 'GET' })",
      "fetch('/api', { method: 'PUT' })",
      "cache.put(unsignedKey, value)",
      "const config = { aws: region };",
      "const v = { signatureversion: 'v2' };",
      "client.request({ url, aws: { key, secret } })",
    ]) {
      assert.equal(isCandidate(text), false, text);
    }
  });

  it('uses only the needles it is given', () => {
    const isCandidate = createPrefilter([ruleNeedles['sorted-canonical-query']]);
    assert.equal(isCandidate("method: 'PUT'"), false);
    assert.equal(isCandidate('aws4_request'), true);
    assert.equal(isCandidate("'AWS4-HMAC-SHA256'"), true);
  });

  it('admits every file when a rule has an empty needle', () => {
    assert.equal(createPrefilter([[['']]])('anything'), true);
  });

  it('decides as the needles do one by one, whatever the needles hold (one pattern for all is only a shortcut)', () => {
    const needles = [[[/(a)b/], [/x(y)\1/, 'x'], ['a.b'], [/(?<word>qq)\k<word>/]], [[/(?<word>rr)\k<word>/], [/^top/m], [/CaSe/i, 'z'], ['[(*+?'], [/g+/g]]];
    const oneByOne = (text: string) =>
      needles.flat().some((group) => group.every((needle) => (typeof needle === 'string' ? text.includes(needle) : new RegExp(needle.source, needle.flags.replace('g', '')).test(text))));
    const isCandidate = createPrefilter(needles);
    const texts = ['ab', 'xyy', 'xyz', 'a.b', 'aXb', 'qqqq', 'qq', 'rrrr', 'rr', 'x\ntop', 'xtop', 'case z', 'CASE', '[(*+?', '[(*+', 'gg', 'gg', ''];
    for (const text of texts) assert.equal(isCandidate(text), oneByOne(text), JSON.stringify(text));
  });
});
