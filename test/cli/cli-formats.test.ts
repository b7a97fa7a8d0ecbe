// The CLI's new outputs (issue 13): --format json|sarif|text, SARIF 2.1.0 validated against its
// schema, JSON schemaVersion and patches, the one-line helper in a dry run, coloured diffs,
// "would fix" on a refused run, plurals, --helper-import warnings, and the new usage errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { parseSize } from '../../src/cli/args';
import { countLines } from '../../src/cli/diff';
import { countOf } from '../../src/cli/output';
import { dependencyWarning, packageNameOf } from '../../src/cli/helper-import-check';
import { createProject } from './support/engine-fixtures';
import { cli } from './support/run-cli';

const ESCAPE = '\u001b[';
const SARIF_SCHEMA_PATH = join(import.meta.dirname, '../../node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
}

describe('CLI usage errors', () => {
  it('exits 2 for --only \'\', a bad --format, --json with --format sarif, a bad size, --print-helper without --dry-run', async () => {
    const root = createProject({ 'a.cjs': 'legacySign(1);\n' });
    const cases: [string[], RegExp][] = [
      [['--only', ''], /--only needs at least one rule name/],
      [['--only', ' , '], /--only needs at least one rule name/],
      [['--format', 'xml'], /--format must be one of text, json, sarif/],
      [['--json', '--format', 'sarif'], /exclude each other/],
      [['--max-file-size', 'big'], /--max-file-size must be a size/],
      [['--print-helper'], /--print-helper works with --dry-run/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await cli(root, argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, message);
    }
    assert.equal(readFileSync(join(root, 'a.cjs'), 'utf8'), 'legacySign(1);\n');
  });

  it('parses sizes with units', () => {
    assert.equal(parseSize('2MB'), 2 * 1024 * 1024);
    assert.equal(parseSize('512k'), 512 * 1024);
    assert.equal(parseSize('1.5 kb'), 1536);
    assert.equal(parseSize('100000'), 100000);
    assert.equal(parseSize('0'), 0);
  });

  it('--help documents every flag and the exit codes', async () => {
    const { stdout } = await cli(createProject({}), ['--help']);
    for (const flag of ['--format', '--print-helper', '--max-file-size', '--include-generated', '--json', '130', 'hard links']) {
      assert.ok(stdout.includes(flag), flag);
    }
  });
});

describe('dry run output', () => {
  it('shows the helper as one line, counts lines, and says "1 file"', async () => {
    const root = createProject({ 'a.cjs': 'legacySign(1);\n' });
    const { code, stdout, stderr } = await cli(root, ['--dry-run']);
    assert.equal(code, 1);
    // The count is the vendored file's (the engine may add a header line to it).
    assert.match(stdout, /^\+ would create sigv4\.cjs \(SigV4 helper, \d+ lines?\)\n--- a\/a\.cjs\n/);
    assert.doesNotMatch(stdout, /exports\.signRequest/);
    assert.match(stderr, /1 file scanned, 1 finding, 1 would fix, 0 need manual work, would change 1 file, would create helper sigv4\.cjs/);
    assert.equal(countLines('a\nb\n'), 2);
    assert.equal(countLines('a\nb'), 2);
    assert.equal(countOf(1, 'file'), '1 file');
    assert.equal(countOf(0, 'file'), '0 files');
  });

  it('colours the diff on a TTY, never with NO_COLOR or when piped', async () => {
    const files = { 'a.cjs': 'legacySign(1);\n' };
    const tty = await cli(createProject(files), ['--dry-run'], { tty: true });
    assert.ok(tty.stdout.includes(`${ESCAPE}32m+signRequest(1);`), tty.stdout);
    assert.ok(tty.stdout.includes(`${ESCAPE}31m-legacySign(1);`));
    assert.ok(!(await cli(createProject(files), ['--dry-run'], { tty: true, env: { NO_COLOR: '1' } })).stdout.includes(ESCAPE));
    assert.ok(!(await cli(createProject(files), ['--dry-run'])).stdout.includes(ESCAPE));
  });

  it('--format json with --dry-run carries each file\'s patch, end positions and the schema version', async () => {
    const root = createProject({ 'a.cjs': 'legacySign(1);\n' });
    const { code, stdout } = await cli(root, ['--dry-run', '--format', 'json']);
    const report = JSON.parse(stdout);
    assert.equal(code, 1);
    assert.equal(report.schemaVersion, 3);
    assert.match(report.files[0].patch, /^--- a\/a\.cjs\n\+\+\+ b\/a\.cjs\n@@ -1,1 \+1,3 @@\n-legacySign\(1\);\n\+const \{ signRequest \} = require\('\.\/sigv4\.cjs'\);\n\+\n\+signRequest\(1\);\n$/);
    assert.match(report.helper[0].patch, /^--- \/dev\/null\n\+\+\+ b\/sigv4\.cjs\n/);
    assert.deepEqual(report.helper.map((helper: { created: boolean }) => helper.created), [false]);
    assert.deepEqual([report.files[0].findings[0].endLine, report.files[0].findings[0].endColumn], [1, 11]);
    assert.equal(report.files[0].findings[0].status, 'would-fix');
  });
});

describe('text listing', () => {
  it('lists skipped files and removed leftovers, and --quiet leaves them out', async () => {
    const files = { '.a.cjs.sigv4-migrate-999999999-abc123.tmp': 'half', 'big.js': `legacySign(1);\n${'x;\n'.repeat(600)}`, 'a.cjs': 'manualSign(1);\n' };
    const { code, stdout } = await cli(createProject(files), ['--max-file-size', '1KB']);
    assert.equal(code, 1);
    assert.match(stdout, /skipped big\.js: is 1\.8 KB, over the --max-file-size limit of 1 KB: not scanned\n/);
    assert.match(stdout, /removed \.a\.cjs\.sigv4-migrate-999999999-abc123\.tmp \(a temp file left by an interrupted run\)\n/);
    assert.match(stdout, /2 files scanned, 1 finding, 0 fixed, 1 need manual work, changed 0 files, 1 file skipped\n$/);
    const quiet = await cli(createProject(files), ['--max-file-size', '1KB', '--quiet']);
    assert.doesNotMatch(quiet.stdout, /skipped|removed/);
  });
});

describe('a refused run', () => {
  it('says "would fix", names the files that blocked it, and never names the helper as created', async () => {
    const root = createProject({ 'clean.cjs': 'legacySign(1);\n', 'dirty.cjs': 'legacySign(2);\n' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
    writeFileSync(join(root, 'dirty.cjs'), 'legacySign(3);\n');
    const { code, stdout, stderr } = await cli(root, []);
    assert.equal(code, 2);
    assert.doesNotMatch(stdout, /\bfixed\b|created helper|changed [1-9]/);
    assert.match(stdout, /1:1 +would fix +legacy-sign/);
    assert.match(stdout, /0 fixed|2 would fix/);
    assert.match(stdout, /refused: would change 2 files, would create helper sigv4\.cjs/);
    assert.match(stderr, /refused to write.*nothing was written, because this file has uncommitted changes.*\n {2}dirty\.cjs\n/);
    assert.ok(!existsSync(join(root, 'sigv4.cjs')));
  });
});

describe('--helper-import', () => {
  it('warns when the package is only a dev dependency, or missing, of the project it writes into', async () => {
    const root = createProject({ 'package.json': JSON.stringify({ devDependencies: { 'sigv4-migrate': '^1.0.0' } }), 'a.cjs': 'legacySign(1);\n' });
    const { stderr } = await cli(root, ['--helper-import', 'sigv4-migrate/sigv4']);
    assert.match(stderr, /warning the rewritten code imports sigv4-migrate at run time, but package\.json has it only in devDependencies/);
    const json = JSON.parse((await cli(createProject({ 'package.json': '{}', 'a.cjs': 'legacySign(1);\n' }), ['--helper-import', 'sigv4-migrate/sigv4', '--json', '--dry-run'])).stdout);
    assert.deepEqual(json.warnings, [{ path: 'package.json', message: 'the rewritten code imports sigv4-migrate at run time, but package.json does not depend on it: add it to dependencies' }]);
    const fine = await cli(createProject({ 'package.json': JSON.stringify({ dependencies: { 'sigv4-migrate': '^1.0.0' } }), 'a.cjs': 'legacySign(1);\n' }), ['--helper-import', 'sigv4-migrate/sigv4']);
    assert.doesNotMatch(fine.stderr, /warning/);
  });

  it('reads package names from specifiers', () => {
    assert.equal(packageNameOf('sigv4-migrate/sigv4'), 'sigv4-migrate');
    assert.equal(packageNameOf('@acme/sign/v4'), '@acme/sign');
    assert.equal(packageNameOf('./lib/sigv4'), undefined);
    assert.equal(packageNameOf('crypto'), undefined);
    assert.equal(dependencyWarning({ name: 'sigv4-migrate' }, 'sigv4-migrate', 'package.json'), undefined);
    assert.equal(dependencyWarning({ peerDependencies: { x: '1' } }, 'x', 'package.json'), undefined);
  });
});

describe('--format sarif', () => {
  const schemaPresent = existsSync(SARIF_SCHEMA_PATH);

  it('is valid SARIF 2.1.0 with rules, help URIs, regions and fixes', { skip: schemaPresent ? false : `the SARIF schema is not installed at ${SARIF_SCHEMA_PATH}` }, async () => {
    const root = createProject({ 'src/a.cjs': 'legacySign(1);\nmanualSign(2);\n', 'big.js': `legacySign(3);\n${'x;\n'.repeat(600)}` });
    const { code, stdout } = await cli(root, ['--dry-run', '--format', 'sarif', '--max-file-size', '1KB']);
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(run.tool.driver.rules.map((rule: { id: string; helpUri: string }) => [rule.id, rule.helpUri]), [
      ['sigv4/legacy-sign', 'https://example.invalid/legacy-sign'],
      ['sigv4/manual-sign', 'https://example.invalid/manual-sign'],
      // The package.json rule runs beside whatever code rules are given.
      ['sigv4/no-legacy-signing-dependency', 'https://github.com/sigv4-migrate/sigv4-migrate/blob/main/docs/rules/no-legacy-signing-dependency.md'],
    ]);
    const [fixed, manual] = run.results;
    assert.equal(fixed.ruleId, 'sigv4/legacy-sign');
    assert.equal(fixed.ruleIndex, 0);
    assert.deepEqual(fixed.locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/a.cjs', uriBaseId: 'SRCROOT' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 11 },
    });
    assert.deepEqual(fixed.fixes[0].artifactChanges, [
      { artifactLocation: { uri: 'src/a.cjs', uriBaseId: 'SRCROOT' }, replacements: [{ deletedRegion: { charOffset: 0, charLength: 10 }, insertedContent: { text: 'signRequest' } }] },
    ]);
    assert.equal(manual.ruleId, 'sigv4/manual-sign');
    assert.equal(manual.fixes, undefined);
    assert.deepEqual(run.invocations[0].toolExecutionNotifications.map((note: { level: string }) => note.level), ['note']);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /^big\.js: is .* over the --max-file-size limit/);
  });

  it('the schema validator rejects a broken log (the check can fail)', { skip: schemaPresent ? false : 'the SARIF schema is not installed' }, () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] }), false);
  });
});
