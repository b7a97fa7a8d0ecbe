// The CLI shell: --help/--version, usage errors, --dry-run diffs and exit codes, the --json
// document, --quiet, colours (NO_COLOR / FORCE_COLOR) and the TTY progress bar.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
import { createProject } from './support/engine-fixtures';
import { cli } from './support/run-cli';

const ESCAPE = '\u001b[';

describe('sigv4-migrate CLI', () => {
  it('--help prints usage, flags and exit codes', async () => {
    const { code, stdout } = await cli(createProject({}), ['--help']);
    assert.equal(code, 0);
    for (const expected of ['Usage: sigv4-migrate', '--dry-run', '--json', '--only', '--annotate', '--force', '--helper-out', '--helper-import', '--ignore', '--quiet', '--version', 'Exit codes', 'NO_COLOR']) {
      assert.ok(stdout.includes(expected), `help mentions ${expected}`);
    }
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await cli(createProject({}), ['--version']);
    assert.equal(code, 0);
    assert.equal(stdout, `${packageJson.version}\n`);
  });

  it('exits 2 on an unknown flag, a missing path, an unknown rule, or conflicting helper flags', async () => {
    const root = createProject({ 'a.js': '' });
    for (const argv of [['--frobnicate'], ['missing-dir'], ['--only', 'nope'], ['--helper-out', 'x', '--helper-import', 'y']]) {
      const { code, stderr } = await cli(root, argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /error/);
    }
  });

  it('--dry-run --print-helper prints a unified diff that git apply turns into the real run\'s result', async () => {
    const files = { 'src/a.cjs': "const x = require('x');\nlegacySign(x);\n", 'src/b.cjs': 'const clean = 1;\n' };
    const dry = createProject(files);
    const { code, stdout, stderr } = await cli(dry, ['--dry-run', '--print-helper', 'src']);
    assert.equal(code, 1);
    assert.equal(readFileSync(join(dry, 'src/a.cjs'), 'utf8'), files['src/a.cjs']);
    assert.match(stdout, /^--- \/dev\/null\n\+\+\+ b\/src\/sigv4\.cjs\n/);
    assert.match(stdout, /--- a\/src\/a\.cjs\n\+\+\+ b\/src\/a\.cjs\n@@ -1,2 \+1,3 @@\n const x = require\('x'\);\n-legacySign\(x\);\n\+const \{ signRequest \} = require\('\.\/sigv4\.cjs'\);\n\+signRequest\(x\);\n/);
    assert.match(stderr, /would change 1 file,/);
    assert.match(stderr, /2:1 +would fix +legacy-sign/);
    assert.match(stderr, /would create helper src\/sigv4\.cjs/);
    assert.doesNotMatch(stderr, /\bfixed\b|created helper/);
    writeFileSync(join(dry, 'patch.diff'), stdout);
    execFileSync('git', ['apply', '--unsafe-paths', 'patch.diff'], { cwd: dry });
    const real = createProject(files);
    assert.equal((await cli(real, ['src'])).code, 0);
    for (const path of ['src/a.cjs', 'src/b.cjs', 'src/sigv4.cjs']) {
      assert.equal(readFileSync(join(dry, path), 'utf8'), readFileSync(join(real, path), 'utf8'), path);
    }
  });

  it('--json prints one document: files with findings, totals, errors, exit code', async () => {
    const root = createProject({ 'a.cjs': 'legacySign(1);\nmanualSign(2);\n', 'broken.js': 'legacySign(\n' });
    const { code, stdout } = await cli(root, ['--json']);
    const report = JSON.parse(stdout);
    assert.equal(code, 3);
    assert.equal(report.exitCode, 3);
    assert.deepEqual(report.files, [
      {
        path: 'a.cjs',
        changed: true,
        remaining: 1,
        findings: [
          {
            rule: 'legacy-sign', line: 1, column: 1, endLine: 1, endColumn: 11, status: 'fixed', message: 'legacySign() signs with SigV2',
            edits: [{ path: 'a.cjs', start: 0, end: 10, text: 'signRequest' }],
          },
          { rule: 'manual-sign', line: 2, column: 1, endLine: 2, endColumn: 11, status: 'manual', message: 'manualSign() signs with SigV2: sign with signRequest by hand' },
        ],
      },
    ]);
    assert.deepEqual(report.totals, { files: 2, candidates: 2, filesWithFindings: 1, filesChanged: 1, findings: 2, fixed: 1, wouldFix: 0, manual: 1, remaining: 1, errors: 1 });
    assert.equal(report.errors[0].path, 'broken.js');
    assert.equal(report.schemaVersion, 3);
    assert.deepEqual(Object.keys(report).sort(), ['dryRun', 'errors', 'exitCode', 'files', 'helper', 'interrupted', 'leftovers', 'refused', 'schemaVersion', 'skipped', 'totals', 'warnings']);
  });

  it('lists findings and a summary; --quiet keeps only manual work', async () => {
    const files = { 'a.cjs': 'legacySign(1);\nmanualSign(2);\n' };
    const loud = await cli(createProject(files), []);
    assert.match(loud.stdout, /a\.cjs\n {2}1:1 +fixed +legacy-sign/);
    assert.match(loud.stdout, /2:1 +manual +manual-sign/);
    assert.match(loud.stdout, /1 file scanned, 2 findings, 1 fixed, 1 need manual work, changed 1 file, created helper sigv4\.cjs\n/);
    const quiet = await cli(createProject(files), ['--quiet']);
    assert.doesNotMatch(quiet.stdout, /legacy-sign|files scanned/);
    assert.match(quiet.stdout, /manual-sign/);
  });

  it('colours only on a TTY, never with NO_COLOR, always with FORCE_COLOR', async () => {
    const files = { 'a.cjs': 'manualSign(2);\n' };
    assert.ok((await cli(createProject(files), [], { tty: true })).stdout.includes(ESCAPE));
    assert.ok(!(await cli(createProject(files), [], { tty: true, env: { NO_COLOR: '1' } })).stdout.includes(ESCAPE));
    assert.ok(!(await cli(createProject(files), [])).stdout.includes(ESCAPE));
    assert.ok((await cli(createProject(files), [], { env: { FORCE_COLOR: '1' } })).stdout.includes(ESCAPE));
  });

  it('draws the progress bar on a TTY stderr only', async () => {
    const files = { 'a.cjs': 'manualSign(2);\n' };
    assert.match((await cli(createProject(files), [], { tty: true, env: { NO_COLOR: '1' } })).stderr, /scanning 1\/1 file, 1 finding/);
    assert.doesNotMatch((await cli(createProject(files), [])).stderr, /scanning/);
  });

  it('the bin entry runs as a process: --version and exit code 2 on usage errors', () => {
    const main = join(import.meta.dirname, '../../src/cli/main.ts');
    const version = spawnSync(process.execPath, ['--import', 'tsx', main, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${packageJson.version}\n`);
    const usage = spawnSync(process.execPath, ['--import', 'tsx', main, '--nope'], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
  });

  it('stops quietly when the reader of stdout goes away (`--dry-run --json | head -c 100`)', () => {
    const main = join(import.meta.dirname, '../../src/cli/main.ts');
    const client = "new AWS.S3({ signatureVersion: 'v2' });\n";
    // Enough findings that the report outgrows the pipe's buffer while `head` has already left.
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`client-${index}.cjs`, `const AWS = require('aws-sdk');\n${client.repeat(8)}`]));
    const root = createProject(files);
    const tsx = import.meta.resolve('tsx');
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" --import "${tsx}" "${main}" --dry-run --json . | head -c 100`], { cwd: root, encoding: 'utf8' });
    assert.equal(piped.stdout.length, 100);
    assert.doesNotMatch(piped.stderr, /EPIPE|internal error|Unhandled/);
  });
});
