// The migration engine through migrate(), with the test-only legacySign/manualSign rules: fixes,
// manual findings, unparseable files, --only, --annotate, dry runs, byte preservation, reruns.
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withHelperHeader } from '../../codemods/utils/helper-vendor';
import { migrate } from '../../src/migrate';
import type { MigrateOptions } from '../../src/migrate';
import { createProject, createVendorDirectory, crossSignCodemod, crossSignRule, testEngine } from './support/engine-fixtures';

const vendorDirectory = createVendorDirectory();

function run(root: string, options: MigrateOptions = {}) {
  return migrate({ cwd: root, ...testEngine, vendorDirectory, ...options });
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

describe('migrate', () => {
  it('rewrites a fixable finding, imports the vendored helper, and exits 0', async () => {
    const root = createProject({ 'package.json': '{"type":"module"}', 'src/a.js': "import x from 'y';\n\nexport const s = legacySign(x);\n" });
    const report = await run(root);
    assert.equal(read(root, 'src/a.js'), "import x from 'y';\nimport { signRequest } from './sigv4.mjs';\n\nexport const s = signRequest(x);\n");
    assert.equal(read(root, 'src/sigv4.mjs'), withHelperHeader(readFileSync(join(vendorDirectory, 'sigv4.mjs'), 'utf8')));
    assert.equal(report.exitCode, 0);
    assert.deepEqual(report.files, [
      {
        path: 'src/a.js',
        changed: true,
        remaining: 0,
        findings: [{
          rule: 'legacy-sign', line: 3, column: 18, endLine: 3, endColumn: 28, status: 'fixed', message: 'legacySign() signs with SigV2',
          edits: [{ path: 'src/a.js', start: 37, end: 47, text: 'signRequest' }],
        }],
      },
    ]);
    assert.deepEqual(report.helper, [{ path: 'src/sigv4.mjs', created: true }]);
  });

  it('reports a finding without a codemod as manual, leaves the file alone, and exits 1', async () => {
    const source = 'manualSign(request);\n';
    const root = createProject({ 'a.js': source });
    const report = await run(root);
    assert.equal(read(root, 'a.js'), source);
    assert.equal(report.exitCode, 1);
    assert.deepEqual(report.files[0]?.findings, [
      { rule: 'manual-sign', line: 1, column: 1, endLine: 1, endColumn: 11, status: 'manual', message: 'manualSign() signs with SigV2: sign with signRequest by hand' },
    ]);
    assert.equal(report.totals.remaining, 1);
  });

  it('changes nothing on a second run over its own output', async () => {
    const root = createProject({ 'a.ts': 'export const s = legacySign(1);\nmanualSign(2);\n', 'b.cjs': 'legacySign(3);\n' });
    await run(root);
    const snapshot = readdirSync(root).map((name) => [name, read(root, name)]);
    const second = await run(root);
    assert.deepEqual(readdirSync(root).map((name) => [name, read(root, name)]), snapshot);
    assert.equal(second.totals.filesChanged, 0);
    assert.equal(second.totals.fixed, 0);
    assert.equal(second.helper.length, 0);
  });

  it('leaves a file that does not parse byte-for-byte untouched, goes on, and exits 3', async () => {
    const broken = 'legacySign(\n  // unfinished\n';
    const root = createProject({ 'broken.js': broken, 'good.js': 'module.exports = legacySign(1);\n' });
    const report = await run(root);
    assert.equal(read(root, 'broken.js'), broken);
    assert.match(read(root, 'good.js'), /signRequest\(1\)/);
    assert.equal(report.exitCode, 3);
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0]?.path, 'broken.js');
    assert.match(report.errors[0]?.message ?? '', /does not parse/);
  });

  it('parses sloppy-mode CommonJS and JSX in .js files', async () => {
    const root = createProject({ 'a.js': 'with (scope) { legacySign(1); }\nmodule.exports = 010;\n', 'b.js': 'export const C = () => <div>{legacySign(2)}</div>;\n' });
    const report = await run(root, { dryRun: true });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.files.map((file) => [file.path, file.findings.length]), [['a.js', 1], ['b.js', 1]]);
  });

  it('accepts /* eslint-env */ comments and honours eslint-disable comments for its rules', async () => {
    const root = createProject({ 'a.js': '/* eslint-env node */\nmanualSign(1);\n// eslint-disable-next-line sigv4/manual-sign\nmanualSign(2);\n' });
    const report = await run(root, { dryRun: true });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.files[0]?.findings.map((finding) => finding.line), [2]);
  });

  it('leaves a file that is not UTF-8 untouched and reports it', async () => {
    const root = createProject({});
    const bytes = Buffer.concat([Buffer.from('legacySign("'), Buffer.from([0xff, 0xfe]), Buffer.from('");\n')]);
    writeFileSync(join(root, 'latin.js'), bytes);
    const report = await run(root);
    assert.deepEqual(readFileSync(join(root, 'latin.js')), bytes);
    assert.equal(report.exitCode, 3);
  });

  it('keeps CRLF line endings, the BOM, and the file mode', async () => {
    const root = createProject({ 'package.json': '{"type":"module"}' });
    const path = join(root, 'crlf.js');
    writeFileSync(path, "\uFEFFimport x from 'y';\r\nlegacySign(x);\r\n");
    chmodSync(path, 0o751);
    await run(root);
    assert.equal(readFileSync(path, 'utf8'), "\uFEFFimport x from 'y';\r\nimport { signRequest } from './sigv4.mjs';\r\nsignRequest(x);\r\n");
    assert.equal(statSync(path).mode & 0o777, 0o751);
  });

  it('--dry-run writes nothing, reports each change, and exits 1', async () => {
    const source = 'legacySign(1);\n';
    const root = createProject({ 'a.mjs': source });
    const changes: string[] = [];
    const report = await run(root, { dryRun: true, onChange: (change) => changes.push(`${change.path}:${change.created}`) });
    assert.equal(read(root, 'a.mjs'), source);
    assert.deepEqual(readdirSync(root).sort(), ['a.mjs']);
    assert.deepEqual(changes, ['sigv4.mjs:true', 'a.mjs:false']);
    assert.equal(report.exitCode, 1);
    assert.equal(report.files[0]?.changed, true);
    assert.deepEqual(report.helper, [{ path: 'sigv4.mjs', created: false }]);
  });

  it('--dry-run exits 0 when nothing is left to do', async () => {
    const root = createProject({ 'a.js': 'const clean = 1;\n' });
    const report = await run(root, { dryRun: true });
    assert.equal(report.exitCode, 0);
    assert.equal(report.files.length, 0);
  });

  it('--only runs the named rules alone and rejects unknown names', async () => {
    const root = createProject({ 'a.js': 'legacySign(1);\nmanualSign(2);\n' });
    const report = await run(root, { dryRun: true, only: ['manual-sign'] });
    assert.deepEqual(report.files[0]?.findings.map((finding) => finding.rule), ['manual-sign']);
    assert.equal(report.totals.filesChanged, 0);
    await assert.rejects(run(root, { only: ['no-such-rule'] }), /unknown rule.*no-such-rule/);
  });

  it('--annotate writes the comment above a manual finding once', async () => {
    const root = createProject({ 'a.js': 'function f() {\n  return manualSign(2);\n}\n' });
    await run(root, { annotate: true });
    const annotated = 'function f() {\n  // sigv4-migrate: manualSign() signs with SigV2: sign with signRequest by hand\n  return manualSign(2);\n}\n';
    assert.equal(read(root, 'a.js'), annotated);
    const second = await run(root, { annotate: true });
    assert.equal(read(root, 'a.js'), annotated);
    assert.equal(second.totals.filesChanged, 0);
  });

  it('--annotate never writes into a template literal', async () => {
    const source = 'const s = `\n${manualSign(2)}`;\n';
    const root = createProject({ 'a.js': source });
    await run(root, { annotate: true });
    assert.equal(read(root, 'a.js'), `// sigv4-migrate: manualSign() signs with SigV2: sign with signRequest by hand\n${source}`);
  });

  it('never parses a file without a needle', async () => {
    const root = createProject({ 'a.js': 'const clean = 1;\n', 'b.js': 'legacySign(1);\n', 'c.ts': 'export {};\n' });
    const report = await run(root, { dryRun: true });
    assert.equal(report.totals.files, 3);
    assert.equal(report.totals.candidates, 1);
  });

  it('applies a codemod\'s edits to a sibling module, only inside the given paths', async () => {
    const cross = { rules: { 'cross-sign': crossSignRule }, codemods: { 'cross-sign': crossSignCodemod }, needles: { 'cross-sign': [['crossSign']] } };
    const files = { 'src/use.js': "import { c } from './client';\ncrossSign(c);\n", 'src/client.js': "export const c = { signatureVersion: 'v2' };\n" };
    const inside = createProject(files);
    const report = await migrate({ cwd: inside, vendorDirectory, ...cross });
    assert.equal(read(inside, 'src/client.js'), "export const c = { signatureVersion: 'v4' };\n");
    assert.equal(read(inside, 'src/use.js'), files['src/use.js']);
    assert.deepEqual(report.files.map((file) => [file.path, file.changed]), [['src/client.js', true], ['src/use.js', false]]);
    const outside = createProject(files);
    const limited = await migrate({ cwd: outside, paths: ['src/use.js'], vendorDirectory, ...cross });
    assert.equal(read(outside, 'src/client.js'), files['src/client.js']);
    assert.deepEqual(limited.files[0]?.findings.map((finding) => finding.status), ['manual']);
  });

  it('stops between files when the signal is aborted, leaving the rest untouched', async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`f${index}.cjs`, `legacySign(${index});\n`]));
    const root = createProject(files);
    const controller = new AbortController();
    const report = await run(root, {
      signal: controller.signal,
      onProgress(progress) {
        if (progress.phase === 'write' && progress.filesDone === 2) controller.abort();
      },
    });
    const rewritten = Object.keys(files).filter((name) => read(root, name).includes('signRequest'));
    assert.equal(report.interrupted, true);
    assert.equal(report.exitCode, 130);
    assert.equal(rewritten.length, 2);
    for (const name of Object.keys(files).filter((file) => !rewritten.includes(file))) assert.equal(read(root, name), files[name]);
  });
});
