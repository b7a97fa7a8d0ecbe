// Helper vendoring and import insertion: which file is written (TS, ESM, CJS) and where, the
// specifier each importing file gets, merging into existing imports, and --helper-import.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { relativeExtensionFromCompilerOptions, relativeHelperSpecifier, shallowestDirectory, withHelperHeader } from '../../codemods/utils/helper-vendor';
import { migrate } from '../../src/migrate';
import type { MigrateOptions } from '../../src/migrate';
import { createProject, createVendorDirectory, testEngine } from './support/engine-fixtures';

const vendorDirectory = createVendorDirectory();
const run = (root: string, options: MigrateOptions = {}) => migrate({ cwd: root, ...testEngine, vendorDirectory, ...options });
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const vendored = (flavor: string) => withHelperHeader(readFileSync(join(vendorDirectory, `sigv4.${flavor}`), 'utf8'));

describe('helper vendoring', () => {
  it('writes sigv4.cjs for CommonJS files and requires it in the file\'s quote and semicolon style', async () => {
    const root = createProject({ 'lib/a.js': 'const https = require("https")\n\nmodule.exports = () => legacySign(https)\n' });
    await run(root);
    assert.equal(read(root, 'lib/a.js'), 'const https = require("https")\nconst { signRequest } = require("./sigv4.cjs")\n\nmodule.exports = () => signRequest(https)\n');
    assert.equal(read(root, 'lib/sigv4.cjs'), vendored('cjs'));
    assert.equal(existsSync(join(root, 'lib/sigv4.mjs')), false);
  });

  it('writes sigv4.mjs for ESM files (package type module) and imports it with its extension', async () => {
    const root = createProject({ 'package.json': '{"type":"module"}', 'a.js': 'legacySign(1);\n' });
    await run(root);
    assert.equal(read(root, 'a.js'), "import { signRequest } from './sigv4.mjs';\n\nsignRequest(1);\n");
    assert.equal(read(root, 'sigv4.mjs'), vendored('mjs'));
  });

  it('reads the semicolon habit past a leading function declaration in a file without imports', async () => {
    const body = 'function twice(x) {\n  return x * 2;\n}\n\n';
    const withSemicolons = createProject({ 'package.json': '{"type":"module"}', 'a.js': `${body}legacySign(twice(1));\n` });
    await run(withSemicolons);
    assert.equal(read(withSemicolons, 'a.js'), `import { signRequest } from './sigv4.mjs';\n\n${body}signRequest(twice(1));\n`);
    const without = createProject({ 'package.json': '{"type":"module"}', 'a.js': 'function twice(x) {\n  return x * 2\n}\n\nlegacySign(twice(1))\n' });
    await run(without);
    assert.equal(read(without, 'a.js'), "import { signRequest } from './sigv4.mjs'\n\nfunction twice(x) {\n  return x * 2\n}\n\nsignRequest(twice(1))\n");
  });

  it('writes sigv4.ts beside the shallowest rewritten file and imports it relatively from deeper ones', async () => {
    const root = createProject({ 'src/a/deep.ts': 'export const a = legacySign(1);\n', 'src/top.ts': 'export const b = legacySign(2);\n' });
    await run(root);
    assert.equal(read(root, 'src/sigv4.ts'), vendored('ts'));
    assert.match(read(root, 'src/a/deep.ts'), /^import \{ signRequest \} from '\.\.\/sigv4\.js';\n/);
    assert.match(read(root, 'src/top.ts'), /^import \{ signRequest \} from '\.\/sigv4\.js';\n/);
  });

  it('follows tsconfig: extensionless under bundler resolution, .js under nodenext', async () => {
    const bundler = createProject({ 'tsconfig.json': '{ // jsonc\n "compilerOptions": { "moduleResolution": "bundler" } }', 'a.ts': 'export const a = legacySign(1);\n' });
    await run(bundler);
    assert.match(read(bundler, 'a.ts'), /from '\.\/sigv4';/);
    const nodenext = createProject({ 'tsconfig.json': '{ "compilerOptions": { "module": "nodenext" } }', 'a.mts': 'export const a = legacySign(1);\n' });
    await run(nodenext);
    assert.match(read(nodenext, 'a.mts'), /from '\.\/sigv4\.js';/);
  });

  it('follows the file\'s own relative-import habit over tsconfig', async () => {
    const root = createProject({
      'tsconfig.json': '{ "compilerOptions": { "moduleResolution": "bundler" } }',
      'a.ts': "import { b } from './b.js';\nexport const a = legacySign(b);\n",
      'b.ts': 'export const b = 1;\n',
    });
    await run(root);
    assert.equal(read(root, 'a.ts'), "import { b } from './b.js';\nimport { signRequest } from './sigv4.js';\nexport const a = signRequest(b);\n");
  });

  it('writes to --helper-out and imports from there', async () => {
    const root = createProject({ 'src/a.ts': 'export const a = legacySign(1);\n' });
    await run(root, { helperOut: 'src/vendor' });
    assert.equal(read(root, 'src/vendor/sigv4.ts'), vendored('ts'));
    assert.match(read(root, 'src/a.ts'), /from '\.\/vendor\/sigv4\.js';/);
  });

  it('--helper-import imports from the package and vendors nothing', async () => {
    const root = createProject({ 'a.mjs': 'legacySign(1);\n' });
    const report = await run(root, { helperImport: 'sigv4-migrate/sigv4' });
    assert.equal(read(root, 'a.mjs'), "import { signRequest } from 'sigv4-migrate/sigv4';\n\nsignRequest(1);\n");
    assert.equal(existsSync(join(root, 'sigv4.mjs')), false);
    assert.deepEqual(report.helper, []);
  });

  it('merges into an existing named import or require of the helper', async () => {
    const root = createProject({
      'a.ts': "import { presignUrl } from './sigv4.js';\nexport const a = [presignUrl, legacySign(1)];\n",
      'b.cjs': "const { presignUrl } = require('./sigv4.cjs');\nlegacySign(presignUrl);\n",
      'sigv4.ts': 'export const existing = 1;\n',
      'sigv4.cjs': 'exports.existing = 1;\n',
    });
    await run(root);
    assert.equal(read(root, 'a.ts'), "import { presignUrl, signRequest } from './sigv4.js';\nexport const a = [presignUrl, signRequest(1)];\n");
    assert.equal(read(root, 'b.cjs'), "const { presignUrl, signRequest } = require('./sigv4.cjs');\nsignRequest(presignUrl);\n");
    assert.equal(read(root, 'sigv4.ts'), 'export const existing = 1;\n', 'an existing helper file is not overwritten');
  });

  it('calls through an existing namespace import', async () => {
    const root = createProject({ 'a.ts': "import * as sigv4 from 'sigv4-migrate/sigv4';\nexport const a = legacySign(1);\n" });
    await run(root);
    assert.equal(read(root, 'a.ts'), "import * as sigv4 from 'sigv4-migrate/sigv4';\nexport const a = sigv4.signRequest(1);\n");
  });

  it('aliases the import when the name is taken, and inserts after directives', async () => {
    const root = createProject({ 'a.cjs': "'use strict';\nconst signRequest = 1;\nlegacySign(signRequest);\n" });
    await run(root);
    assert.equal(read(root, 'a.cjs'), "'use strict';\nconst { signRequest: sigv4SignRequest } = require('./sigv4.cjs');\nconst signRequest = 1;\nsigv4SignRequest(signRequest);\n");
  });

  it('writes both JavaScript flavours when ESM and CommonJS files both need the helper', async () => {
    const root = createProject({ 'a.mjs': 'legacySign(1);\n', 'b.cjs': 'legacySign(2);\n' });
    await run(root);
    assert.equal(read(root, 'sigv4.mjs'), vendored('mjs'));
    assert.equal(read(root, 'sigv4.cjs'), vendored('cjs'));
  });
});

describe('helper placement rules', () => {
  it('picks the shallowest folder', () => {
    assert.equal(shallowestDirectory(['/p/src/a/b.ts', '/p/src/c.ts', '/p/src/z/y.ts']), '/p/src');
  });

  it('maps compiler options to the relative import extension', () => {
    assert.equal(relativeExtensionFromCompilerOptions(undefined), '.js');
    assert.equal(relativeExtensionFromCompilerOptions({ moduleResolution: 'NodeNext' }), '.js');
    assert.equal(relativeExtensionFromCompilerOptions({ module: 'node16' }), '.js');
    assert.equal(relativeExtensionFromCompilerOptions({ moduleResolution: 'bundler' }), '');
    assert.equal(relativeExtensionFromCompilerOptions({ moduleResolution: 'bundler', allowImportingTsExtensions: true }), '.ts');
  });

  it('builds relative specifiers with forward slashes', () => {
    assert.equal(relativeHelperSpecifier('/p/src/a/b.ts', '/p/src/sigv4.ts', '.js'), '../sigv4.js');
    assert.equal(relativeHelperSpecifier('/p/src/b.js', '/p/src/sigv4.cjs', '.cjs'), './sigv4.cjs');
    assert.equal(relativeHelperSpecifier('/p/src/b.ts', '/p/src/sigv4.ts', ''), './sigv4');
  });
});

describe('vendored helper from the build', () => {
  it('finds the real dist/vendor or source helper when no folder is given', async () => {
    const root = createProject({ 'a.ts': 'export const a = legacySign(1);\n' });
    await migrate({ cwd: root, ...testEngine });
    const written = read(root, 'sigv4.ts');
    const candidates = [join(import.meta.dirname, '../../dist/vendor/sigv4.ts'), join(import.meta.dirname, '../../src/sigv4/index.ts')]
      .filter((path) => existsSync(path))
      .map((path) => withHelperHeader(readFileSync(path, 'utf8')));
    assert.ok(candidates.includes(written));
  });
});

