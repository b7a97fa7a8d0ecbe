// Packaging end to end: the packed tarball installs into a fresh project, its bin migrates the
// project, ESLint lints it with `configs.recommended` as an editor would, and its types resolve.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');
const npm = (args: string[], cwd: string) => run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024 });

interface LintedFile {
  filePath: string;
  messages: { ruleId: string | null }[];
}

const LINT_SCRIPT = `
import { ESLint } from 'eslint';
const results = await new ESLint().lintFiles(['src']);
console.log(JSON.stringify(results.map(({ filePath, messages }) => ({ filePath, messages }))));
`;

async function lintWithRecommended(projectDirectory: string): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', LINT_SCRIPT], { cwd: projectDirectory });
  const results = JSON.parse(stdout) as LintedFile[];
  return results.flatMap((file) => file.messages.map((message) => `${file.filePath.slice(projectDirectory.length + 1)} ${message.ruleId}`)).sort();
}

describe('the packed package in a fresh project', () => {
  let workDirectory: string;
  let projectDirectory: string;

  before(async () => {
    workDirectory = await mkdtemp(join(tmpdir(), 'sigv4-migrate-pack-'));
    await npm(['pack', '--ignore-scripts', '--pack-destination', workDirectory], REPOSITORY_ROOT);
    const tarball = (await readdir(workDirectory)).find((name) => name.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote no tarball');
    projectDirectory = join(workDirectory, 'consumer');
    await mkdir(projectDirectory);
    await writeFile(join(projectDirectory, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await cp(join(REPOSITORY_ROOT, 'examples', 'legacy-app', 'src'), join(projectDirectory, 'src'), { recursive: true });
    await writeFile(
      join(projectDirectory, 'eslint.config.js'),
      "import sigv4 from 'sigv4-migrate';\nimport tsParser from '@typescript-eslint/parser';\n" +
        "export default [sigv4.configs.recommended, { files: ['**/*.ts'], languageOptions: { parser: tsParser } }];\n",
    );
    // The tarball's dependencies are in npm's cache after `npm ci`: no network needed.
    await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(workDirectory, tarball)], projectDirectory);
  });

  after(async () => {
    await rm(workDirectory, { recursive: true, force: true });
  });

  it('ships only the built package, its docs and its metadata', async () => {
    const installed = join(projectDirectory, 'node_modules', 'sigv4-migrate');
    const entries = (await readdir(installed)).sort();
    assert.deepEqual(entries.filter((name) => !['LICENSE', 'README.md'].includes(name)), ['dist', 'docs', 'package.json']);
  });

  it('lints with configs.recommended through the ESLint Node API, as an editor does', async () => {
    const findings = await lintWithRecommended(projectDirectory);
    for (const expected of [
      'src/storage.js sigv4/no-legacy-signature',
      'src/downloads.cjs sigv4/require-sigv4-presign',
      'src/mailer.ts sigv4/no-legacy-signature',
      'src/alerts.js sigv4/sorted-canonical-query',
      'src/upload.ts sigv4/presigned-put-content-type',
    ]) {
      assert.ok(findings.includes(expected), `missing "${expected}" in ${findings.join(', ')}`);
    }
  });

  it('migrates the project with `npx sigv4-migrate src/`, after which ESLint finds nothing', async () => {
    const migrated = await npm(['exec', '--offline', '--', 'sigv4-migrate', 'src/'], projectDirectory);
    assert.match(migrated.stdout + migrated.stderr, /fixed/);
    assert.match(await readFile(join(projectDirectory, 'src', 'storage.js'), 'utf8'), /signatureVersion: 'v4'/);
    assert.deepEqual(await lintWithRecommended(projectDirectory), []);
  });

  it('resolves the helper and the plugin with types under node16 ESM and CommonJS', async () => {
    const consumer = join(projectDirectory, 'types');
    await mkdir(consumer);
    const use = "sign({ method: 'GET', url: 'https://example.amazonaws.com/' }, { service: 's', region: 'r', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }).headers.authorization.toUpperCase();\n";
    await writeFile(join(consumer, 'esm.mts'), `import { signRequest as sign } from 'sigv4-migrate/sigv4';\nimport plugin from 'sigv4-migrate';\nplugin.configs.recommended.rules;\n${use}`);
    await writeFile(join(consumer, 'cjs.cts'), `import { signRequest as sign } from 'sigv4-migrate/sigv4';\nimport plugin = require('sigv4-migrate');\nplugin.configs.recommended.rules;\n${use}`);
    const tsc = join(REPOSITORY_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const options = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'node16', '--moduleResolution', 'node16', '--types', 'node', '--typeRoots', join(REPOSITORY_ROOT, 'node_modules', '@types')];
    const typecheck = run(process.execPath, [tsc, ...options, join(consumer, 'esm.mts'), join(consumer, 'cjs.cts')], { cwd: projectDirectory });
    await typecheck.catch((error: { stdout?: string }) => assert.fail(`tsc failed:\n${error.stdout}`));
  });
});
