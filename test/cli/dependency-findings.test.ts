// The CLI lists package.json dependencies that still sign with SigV2/SigV3 (issue 10): in its text,
// JSON and SARIF reports, as manual work (exit 1), with the rule's own wording, and never edits
// package.json; a malformed package.json is skipped with a reason; --only selects the rule.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { findLegacySigningDependencies } from '../../rules/data/package-json-text';
import { discoverFiles } from '../../src/cli/discover';
import { runCli } from '../../src/cli/run';
import { createProject, createVendorDirectory, testEngine } from './support/engine-fixtures';

const vendorDirectory = createVendorDirectory();
const SARIF_SCHEMA_PATH = join(import.meta.dirname, '../../node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
const RULE = 'no-legacy-signing-dependency';
const AFFECTED = `${JSON.stringify({ name: 'app', dependencies: { knox: '^0.9.2', lodash: '^4.17.21' }, devDependencies: { 'node-ses': '^1.2.0' } }, null, 2)}\n`;
const UNAFFECTED = `${JSON.stringify({ name: 'app', dependencies: { 'node-ses': '^2.0.0', lodash: '^4.17.21' } }, null, 2)}\n`;

class Capture {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function cli(root: string, argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, { stdout, stderr, env: {}, cwd: root, overrides: { ...testEngine, vendorDirectory } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

interface JsonFinding {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  status: string;
  message: string;
  edits?: { path: string; start: number; end: number; text: string }[];
}

/** 1-based line and column of the first occurrence of `text`. */
function positionOf(source: string, text: string): { line: number; column: number } {
  const before = source.slice(0, source.indexOf(text));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

describe('package.json findings in the CLI', () => {
  it('lists them in the text report as manual work with the rule\'s wording, exits 1, and leaves package.json as it was', async () => {
    const root = createProject({ 'package.json': AFFECTED, 'src/a.cjs': 'legacySign(1);\n' });
    const { code, stdout } = await cli(root, ['--force']);
    assert.equal(code, 1);
    const [knox, nodeSes] = findLegacySigningDependencies(AFFECTED, 'package.json');
    assert.ok(knox && nodeSes);
    const knoxAt = positionOf(AFFECTED, '"^0.9.2"');
    assert.ok(stdout.includes(`package.json\n  ${`${knoxAt.line}:${knoxAt.column}`.padEnd(8)} manual     ${RULE}  ${knox.message}`), stdout);
    assert.ok(stdout.includes(`${RULE}  ${nodeSes.message}`), stdout);
    assert.match(stdout, /2 need manual work/);
    // The code fix was written; package.json was not touched.
    assert.equal(readFileSync(join(root, 'src/a.cjs'), 'utf8').includes('legacySign'), false);
    assert.equal(readFileSync(join(root, 'package.json'), 'utf8'), AFFECTED);
  });

  it('gives --json the location, end, status and the suggested fixed range as an edit (never applied)', async () => {
    const root = createProject({ 'package.json': AFFECTED });
    const { code, stdout } = await cli(root, ['--json']);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { files: { path: string; changed: boolean; findings: JsonFinding[] }[]; totals: { manual: number; filesChanged: number } };
    assert.deepEqual(report.files.map((file) => [file.path, file.changed]), [['package.json', false]]);
    const [knox, nodeSes] = report.files[0]!.findings;
    const knoxAt = positionOf(AFFECTED, '"^0.9.2"');
    assert.deepEqual({ ...knox, message: undefined }, { rule: RULE, line: knoxAt.line, column: knoxAt.column, endLine: knoxAt.line, endColumn: knoxAt.column + '"^0.9.2"'.length, status: 'manual', message: undefined });
    assert.equal(nodeSes?.edits?.length, 1);
    const edit = nodeSes!.edits![0]!;
    assert.deepEqual([edit.path, AFFECTED.slice(edit.start, edit.end), edit.text], ['package.json', '"^1.2.0"', '"^2.0.0"']);
    assert.equal(report.totals.manual, 2);
    assert.equal(readFileSync(join(root, 'package.json'), 'utf8'), AFFECTED);
  });

  it('puts the rule (with its docs) and the results in a valid SARIF log; the fixed range is a fix', async () => {
    const root = createProject({ 'package.json': AFFECTED });
    const { code, stdout } = await cli(root, ['--format', 'sarif']);
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((entry: { name: string }) => entry.name === RULE);
    assert.match(rule.helpUri, /docs\/rules\/no-legacy-signing-dependency\.md$/);
    const results = run.results.filter((result: { ruleId: string }) => result.ruleId === `sigv4/${RULE}`);
    assert.equal(results.length, 2);
    assert.equal(results[0].ruleIndex, run.tool.driver.rules.indexOf(rule));
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'package.json');
    assert.equal(results[0].fixes, undefined);
    const replacement = results[1].fixes[0].artifactChanges[0].replacements[0];
    assert.deepEqual(replacement, { deletedRegion: { charOffset: AFFECTED.indexOf('"^1.2.0"'), charLength: 8 }, insertedContent: { text: '"^2.0.0"' } });
  });

  it('finds nothing in a package.json without an affected dependency', async () => {
    const root = createProject({ 'package.json': UNAFFECTED });
    const { code, stdout } = await cli(root, ['--json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).files, []);
  });

  it('skips a malformed package.json with the reason, without an error', async () => {
    const broken = '{\n  "dependencies": {\n    "knox": "^0.9.2",\n';
    const root = createProject({ 'package.json': broken });
    const { code, stdout } = await cli(root, ['--json']);
    const report = JSON.parse(stdout);
    assert.equal(code, 0);
    assert.deepEqual(report.errors, []);
    assert.equal(report.skipped.length, 1);
    assert.equal(report.skipped[0].path, 'package.json');
    assert.match(report.skipped[0].reason, /^is not valid JSON \(\d+:\d+: .+\); its dependencies were not checked$/);
    assert.equal(readFileSync(join(root, 'package.json'), 'utf8'), broken);
  });

  it('--only selects or leaves out the rule', async () => {
    const root = createProject({ 'package.json': AFFECTED, 'a.cjs': 'legacySign(1);\n' });
    const only = await cli(root, ['--dry-run', '--json', '--only', `sigv4/${RULE}`]);
    assert.deepEqual(JSON.parse(only.stdout).files.map((file: { path: string }) => file.path), ['package.json']);
    const without = await cli(root, ['--dry-run', '--json', '--only', 'legacy-sign']);
    assert.deepEqual(JSON.parse(without.stdout).files.map((file: { path: string }) => file.path), ['a.cjs']);
    const unknown = await cli(root, ['--only', 'nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, new RegExp(`known: .*${RULE}`));
  });
});

describe('package.json discovery', () => {
  it('finds nested package.json files and the given one, never under node_modules, ignored or excluded', () => {
    const root = createProject({
      'package.json': UNAFFECTED,
      'packages/api/package.json': UNAFFECTED,
      'node_modules/knox/package.json': UNAFFECTED,
      'vendor/package.json': UNAFFECTED,
      'fixtures/package.json': UNAFFECTED,
      '.gitignore': 'vendor/\n',
    });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'packages/api/package.jsonx'), '{}');
    const found = discoverFiles({ paths: ['.'], cwd: root, ignore: ['fixtures'] }).packageJsonFiles;
    assert.deepEqual(found, [join(root, 'package.json'), join(root, 'packages/api/package.json')]);
    assert.deepEqual(discoverFiles({ paths: ['packages/api/package.json'], cwd: root }).packageJsonFiles, [join(root, 'packages/api/package.json')]);
  });
});
