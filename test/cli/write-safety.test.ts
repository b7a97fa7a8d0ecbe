// migrate()'s write path end to end (issue 14): a full disk, a file edited during the run, temp
// files of a killed run, huge and generated files, UTF-16, FIFOs, and line endings at an insertion.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmdirSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { migrate } from '../../src/migrate';
import type { MigrateOptions } from '../../src/migrate';
import type { WriteChunk } from '../../src/cli/atomic-write';
import { lineEndingAt } from '../../src/engine/apply-plan';
import { createProject, createVendorDirectory, testEngine } from './support/engine-fixtures';

const vendorDirectory = createVendorDirectory();

function run(root: string, options: MigrateOptions = {}) {
  return migrate({ cwd: root, ...testEngine, vendorDirectory, ...options });
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** Writes at most 64 bytes in all, then nothing: a disk that fills up. */
function fillingDisk(): WriteChunk {
  let left = 64;
  return (descriptor, buffer, offset, length) => {
    const allowed = Math.min(left, length);
    left -= allowed;
    return allowed > 0 ? writeSync(descriptor, buffer, offset, allowed) : 0;
  };
}

describe('migrate: a full disk', () => {
  it('leaves a rewritten file whole, reports it and exits 3', async () => {
    const source = `legacySign(1);\n${'// padding\n'.repeat(40)}`;
    const root = createProject({ 'a.cjs': source, 'sigv4.cjs': 'exports.signRequest = () => 1;\n' });
    const report = await run(root, { writeChunk: fillingDisk() });
    assert.equal(read(root, 'a.cjs'), source);
    assert.equal(report.exitCode, 3);
    assert.equal(report.totals.filesChanged, 0);
    assert.match(report.errors[0]!.message, /could not be written: ENOSPC/);
    assert.equal(report.files[0]!.findings[0]!.status, 'would-fix');
  });

  it('writes nothing when the helper cannot be written completely, and never names it as created', async () => {
    const root = createProject({ 'a.cjs': 'legacySign(1);\n' });
    const report = await run(root, { writeChunk: () => 0 });
    assert.equal(read(root, 'a.cjs'), 'legacySign(1);\n');
    assert.deepEqual(readdirSync(root), ['a.cjs']);
    assert.equal(report.exitCode, 3);
    assert.deepEqual(report.helper, [{ path: 'sigv4.cjs', created: false }]);
    assert.match(report.errors[0]!.message, /no file was rewritten/);
  });
});

describe('migrate: a real full disk (a 64 KB tmpfs)', () => {
  it('leaves the file whole and exits 3', { skip: process.getuid?.() === 0 ? false : 'mounting a tmpfs needs root' }, async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'sigv4-full-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', root]);
    if (mounted.status !== 0) {
      rmdirSync(root);
      t.skip(`cannot mount a tmpfs here: ${mounted.stderr?.toString().trim() || 'mount failed'}`);
      return;
    }
    try {
      const source = `legacySign(1);\n${'// padding line\n'.repeat(2400)}`;
      writeFileSync(join(root, 'a.cjs'), source);
      writeFileSync(join(root, 'sigv4.cjs'), 'exports.signRequest = () => 1;\n');
      const report = await run(root);
      assert.equal(read(root, 'a.cjs'), source);
      assert.equal(report.exitCode, 3);
      assert.match(report.errors.map((error) => error.message).join('\n'), /ENOSPC/);
      assert.deepEqual(readdirSync(root).filter((name) => name.endsWith('.tmp')), []);
    } finally {
      spawnSync('umount', [root]);
      rmdirSync(root);
    }
  });
});

describe('migrate: a file edited while the run writes', () => {
  it('is left with the user\'s edit, reported, and the others are still written', async () => {
    const root = createProject({ 'a.cjs': 'legacySign(1);\n', 'b.cjs': 'legacySign(2);\n' });
    const report = await run(root, {
      onChange(change) {
        // The user saves a.cjs after the run read it and before it renames its rewrite over it.
        if (change.path === 'a.cjs') writeFileSync(join(root, 'a.cjs'), 'legacySign(1); // saved by the user\n');
      },
    });
    assert.equal(read(root, 'a.cjs'), 'legacySign(1); // saved by the user\n');
    assert.match(read(root, 'b.cjs'), /signRequest\(2\)/);
    assert.deepEqual(report.errors, [{ path: 'a.cjs', message: 'could not be written: changed on disk since it was read; left unchanged (run again)' }]);
    assert.equal(report.exitCode, 3);
    assert.deepEqual(readdirSync(root).sort(), ['a.cjs', 'b.cjs', 'sigv4.cjs']);
  });
});

describe('migrate: temp files of a killed run', () => {
  it('removes them and says so; a dry run only lists them', async () => {
    const files = {
      'src/.a.js.sigv4-migrate-999999999-0a1b2c.tmp': 'half',
      '.b.js.0123456789ab.sigv4-migrate.tmp': 'old style',
      'src/a.js': 'const clean = 1;\n',
      '.gitignore': '*.tmp\n',
    };
    const dry = createProject(files);
    const dryReport = await run(dry, { dryRun: true });
    assert.deepEqual(dryReport.leftovers, [
      { path: '.b.js.0123456789ab.sigv4-migrate.tmp', removed: false },
      { path: 'src/.a.js.sigv4-migrate-999999999-0a1b2c.tmp', removed: false },
    ]);
    assert.ok(readdirSync(join(dry, 'src')).includes('.a.js.sigv4-migrate-999999999-0a1b2c.tmp'));
    const root = createProject(files);
    const report = await run(root);
    assert.deepEqual(report.leftovers.map((entry) => entry.removed), [true, true]);
    assert.deepEqual(readdirSync(join(root, 'src')), ['a.js']);
  });

  it('leaves the temp file of a run that is still going', async () => {
    const name = `.a.js.sigv4-migrate-${process.ppid}-0a1b2c.tmp`;
    const root = createProject({ [name]: 'in progress', 'a.js': '' });
    const report = await run(root);
    assert.deepEqual(report.leftovers, []);
    assert.ok(readdirSync(root).includes(name));
  });
});

describe('migrate: files it does not scan are reported', () => {
  it('skips a file over --max-file-size without failing the run', async () => {
    const big = `legacySign(1);\n${'x;\n'.repeat(2000)}`;
    const root = createProject({ 'big.js': big, 'small.cjs': 'legacySign(2);\n' });
    const report = await run(root, { maxFileSize: 1024 });
    assert.equal(read(root, 'big.js'), big);
    assert.deepEqual(report.skipped, [{ path: 'big.js', reason: 'is 5.9 KB, over the --max-file-size limit of 1 KB: not scanned' }]);
    assert.equal(report.exitCode, 0);
    assert.equal(report.totals.filesChanged, 1);
  });

  it('skips minified and generated bundles unless asked to include them', async () => {
    const minified = `legacySign(1);${'var a=1;'.repeat(4000)}\n`;
    const bundle = `/******/ (() => { // webpackBootstrap\nlegacySign(2);\n${'var b = 2;\n'.repeat(12000)}})();\n`;
    const files = { 'vendor.min.js': minified, 'dist/bundle.js': bundle, 'src/a.cjs': 'legacySign(3);\n' };
    const root = createProject(files);
    const report = await run(root, { dryRun: true });
    assert.deepEqual(report.skipped.map((entry) => entry.path), ['dist/bundle.js', 'vendor.min.js']);
    assert.match(report.skipped[0]!.reason, /generated bundle .*bundler prologue.*--include-generated/);
    assert.match(report.skipped[1]!.reason, /looks minified \(a line of 32014 characters\)/);
    const handWritten = `legacySign(4);\nconst logo = '${'A'.repeat(6000)}';\n${'const x = 1;\n'.repeat(2000)}`;
    assert.deepEqual((await run(createProject({ 'logo.js': handWritten }), { dryRun: true })).skipped, [], 'one long data line is not minified code');
    const included = await run(createProject(files), { dryRun: true, includeGenerated: true });
    assert.deepEqual(included.skipped, []);
    // Scanned now; the two scripts (no module syntax) are listed rather than given an import.
    assert.deepEqual(included.files.map((file) => file.path).sort(), ['dist/bundle.js', 'src/a.cjs', 'vendor.min.js']);
  });

  it('reports a UTF-16 file instead of dropping it silently', async () => {
    const root = createProject({});
    writeFileSync(join(root, 'wide.js'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('legacySign(1);\n', 'utf16le')]));
    const report = await run(root);
    assert.deepEqual(report.skipped, [{ path: 'wide.js', reason: 'is UTF-16 or binary, not UTF-8: not scanned (convert it to UTF-8 to migrate it)' }]);
  });

  it('never opens a FIFO, given as a path or found in the walk', { skip: process.platform === 'win32' ? 'no mkfifo on Windows' : false }, async () => {
    const root = createProject({ 'a.cjs': 'legacySign(1);\n' });
    assert.equal(spawnSync('mkfifo', [join(root, 'pipe.js')]).status, 0);
    const walked = await run(root);
    assert.equal(walked.exitCode, 0);
    const given = await run(root, { paths: ['pipe.js'] });
    assert.deepEqual(given.skipped, [{ path: 'pipe.js', reason: 'is not a regular file (a FIFO, socket or device): not read' }]);
    assert.equal(given.exitCode, 0);
  });
});

describe('migrate: line endings where an import is inserted', () => {
  it('keeps CRLF on the line before the import in a mostly-LF file', async () => {
    const root = createProject({ 'package.json': '{"type":"module"}', 'a.js': "import x from 'y';\r\nlegacySign(x);\nconst a = 1;\nconst b = 2;\n" });
    await run(root);
    assert.equal(read(root, 'a.js'), "import x from 'y';\r\nimport { signRequest } from './sigv4.mjs';\r\nsignRequest(x);\nconst a = 1;\nconst b = 2;\n");
  });

  it('keeps CR in a CR-only file', async () => {
    const root = createProject({ 'package.json': '{"type":"module"}', 'a.js': "import x from 'y';\rlegacySign(x);\r" });
    await run(root);
    assert.equal(read(root, 'a.js'), "import x from 'y';\rimport { signRequest } from './sigv4.mjs';\rsignRequest(x);\r");
  });

  it('lineEndingAt reads the ending of the line an edit joins', () => {
    assert.equal(lineEndingAt('a\r\nb\nc', 0), '\r\n');
    assert.equal(lineEndingAt('a\r\nb\nc', 3), '\n');
    assert.equal(lineEndingAt('a\r\nb\nc', 6), '\n');
    assert.equal(lineEndingAt('a\rb', 3), '\r');
    assert.equal(lineEndingAt('a\r\nb', 4), '\r\n');
    assert.equal(lineEndingAt('abc', 1), '\n');
  });
});
