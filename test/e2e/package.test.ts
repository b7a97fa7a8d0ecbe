// Packaging end to end: the packed tarball installs into a fresh project beside a single ESLint (a
// peer), its bin migrates the project and lists package.json's SigV2 dependency, ESLint lints it with `configs.recommended` as an editor would
// and package.json with `configs['package-json']`, and its declarations type-check (`skipLibCheck`
// off) under node16 and bundler resolution, inside `defineConfig` and `tseslint.config`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
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

const lintScript = (pattern: string) => `
import { ESLint } from 'eslint';
const results = await new ESLint().lintFiles([${JSON.stringify(pattern)}]);
console.log(JSON.stringify(results.map(({ filePath, messages }) => ({ filePath, messages }))));
`;

async function lintWithRecommended(projectDirectory: string, pattern = 'src'): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', lintScript(pattern)], { cwd: projectDirectory });
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
        "export default [sigv4.configs.recommended, sigv4.configs['package-json'], { files: ['**/*.ts'], languageOptions: { parser: tsParser } }];\n",
    );
    // The tarball's dependencies are in npm's cache after `npm ci`: no network needed.
    await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(workDirectory, tarball)], projectDirectory);
    // Declared after the install, which would otherwise fetch it: a dependency that signs with SigV2.
    const manifest = JSON.parse(await readFile(join(projectDirectory, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    manifest.dependencies.knox = '^0.9.2';
    await writeFile(join(projectDirectory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  });

  after(async () => {
    await rm(workDirectory, { recursive: true, force: true });
  });

  it('ships only the built package, its docs and its metadata', async () => {
    const installed = join(projectDirectory, 'node_modules', 'sigv4-migrate');
    const entries = (await readdir(installed)).sort();
    // node_modules: npm nests a dependency there when the project holds another major of it (eslint's `ignore` 5 beside our 7).
    assert.deepEqual(entries.filter((name) => !['LICENSE', 'README.md', 'node_modules'].includes(name)), ['dist', 'docs', 'package.json']);
  });

  it('installs ESLint once, as the peer the project uses (no nested copy)', async () => {
    const { stdout } = await npm(['query', '#eslint'], projectDirectory);
    assert.deepEqual((JSON.parse(stdout) as { location: string }[]).map((node) => node.location), ['node_modules/eslint']);
  });

  it("reports the SigV2 dependency in package.json with configs['package-json']", async () => {
    const findings = await lintWithRecommended(projectDirectory, '.');
    assert.ok(findings.includes('package.json sigv4/no-legacy-signing-dependency'), findings.join(', '));
    assert.ok(!findings.some((finding) => finding.startsWith('package.json ') && finding !== 'package.json sigv4/no-legacy-signing-dependency'), findings.join(', '));
  });

  it('lints with configs.recommended through the ESLint Node API, as an editor does', async () => {
    const findings = await lintWithRecommended(projectDirectory);
    for (const expected of [
      'src/storage.js sigv4/no-legacy-signature',
      'src/downloads.cjs sigv4/require-sigv4-presign',
      'src/mailer.ts sigv4/no-legacy-signature',
      'src/alerts.js sigv4/sorted-canonical-query',
      'src/digest.ts sigv4/no-legacy-signature',
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

  it('lists the SigV2 dependency with `npx sigv4-migrate .` as manual work (exit 1), package.json untouched', async () => {
    const manifest = await readFile(join(projectDirectory, 'package.json'), 'utf8');
    // Exit 1 (manual work left) rejects: its output is on the error.
    const listed = await npm(['exec', '--offline', '--', 'sigv4-migrate', '.'], projectDirectory).then(
      () => assert.fail('expected exit code 1'),
      (error: { code: number; stdout: string }) => error,
    );
    assert.equal(listed.code, 1);
    assert.match(listed.stdout, /^package\.json\n\s+\d+:\d+\s+manual\s+no-legacy-signing-dependency {2}`knox@\^0\.9\.2`: knox signs with SigV2/m);
    assert.equal(await readFile(join(projectDirectory, 'package.json'), 'utf8'), manifest);
  });

  describe('declarations, type-checked with skipLibCheck off', () => {
    const use = "sign({ method: 'GET', url: 'https://example.amazonaws.com/' }, { service: 's', region: 'r', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }).headers.authorization.toUpperCase();\n";
    /** The README's setups, ESLint 10 and 9 (`eslint9`), and typescript-eslint's helper: no casts. */
    const configs = [
      "import { defineConfig } from 'eslint/config';",
      "import { defineConfig as defineConfig9 } from 'eslint9/config';",
      "import tseslint from 'typescript-eslint';",
      "import sigv4 from 'sigv4-migrate';",
      "import { migrate } from 'sigv4-migrate/codemod';",
      'export const readme = [sigv4.configs.recommended];',
      "export const flat = defineConfig([sigv4.configs.recommended, sigv4.configs['package-json']]);",
      "export const flat9 = defineConfig9([sigv4.configs.recommended, sigv4.configs['package-json']]);",
      "export const picked = defineConfig([{ plugins: { sigv4 }, rules: { 'sigv4/require-sigv4-presign': 'error' } }]);",
      "export const picked9 = defineConfig9([{ plugins: { sigv4 }, rules: { 'sigv4/require-sigv4-presign': 'error' } }]);",
      "export const typed = tseslint.config(tseslint.configs.recommended, sigv4.configs.recommended, sigv4.configs['package-json']);",
      'export const api = migrate;',
    ].join('\n');
    let consumer: string;
    const tsc = join(REPOSITORY_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const typecheck = (options: string[], files: string[]) =>
      run(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', 'false', '--types', 'node', '--typeRoots', join(REPOSITORY_ROOT, 'node_modules', '@types'), ...options, ...files.map((file) => join(consumer, file))], {
        cwd: projectDirectory,
      }).catch((error: { stdout?: string }) => assert.fail(`tsc ${options.join(' ')} failed:\n${error.stdout}`));

    before(async () => {
      consumer = join(projectDirectory, 'types');
      await mkdir(consumer);
      // The config helpers the snippets call, as the project would have them (not part of the tarball).
      for (const name of ['typescript-eslint', 'eslint9']) await symlink(join(REPOSITORY_ROOT, 'node_modules', name), join(projectDirectory, 'node_modules', name), 'dir');
      await writeFile(join(consumer, 'esm.mts'), `import { signRequest as sign } from 'sigv4-migrate/sigv4';\n${configs}\n${use}`);
      await writeFile(join(consumer, 'bundler.ts'), `import { signRequest as sign } from 'sigv4-migrate/sigv4';\n${configs}\n${use}`);
      await writeFile(
        join(consumer, 'cjs.cts'),
        `import { signRequest as sign } from 'sigv4-migrate/sigv4';\nimport plugin = require('sigv4-migrate');\nimport eslintConfig = require('eslint/config');\n` +
          `import codemod = require('sigv4-migrate/codemod');\nexport const flat = eslintConfig.defineConfig([plugin.configs.recommended, plugin.configs['package-json']]);\nexport const api = codemod.migrate;\n${use}`,
      );
    });

    it('node16: ESM and CommonJS', async () => {
      await typecheck(['--module', 'node16', '--moduleResolution', 'node16'], ['esm.mts', 'cjs.cts']);
    });

    it('bundler', async () => {
      await typecheck(['--module', 'preserve', '--moduleResolution', 'bundler'], ['bundler.ts']);
    });
  });
});
