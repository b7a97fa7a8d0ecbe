// Cross-file fixes and helper placement against what is already in a project: a sibling a fix would
// edit passes the same filters as a scanned file (issue 14.2), and a file already named like the
// helper is reused only when sigv4-migrate vendored it (issue 14.6).
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HELPER_HEADER, withHelperHeader } from '../../codemods/utils/helper-vendor';
import { migrate } from '../../src/migrate';
import { createProject, createVendorDirectory, crossSignCodemod, crossSignRule, testEngine } from '../cli/support/engine-fixtures';

const vendorDirectory = createVendorDirectory();
const cross = { rules: { 'cross-sign': crossSignRule }, codemods: { 'cross-sign': crossSignCodemod }, needles: { 'cross-sign': [['crossSign']] } };
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const USE = "import { c } from './client';\ncrossSign(c);\n";
const CLIENT = "export const c = { signatureVersion: 'v2' };\n";

describe('cross-file edits pass the scanned-file filters', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['a .gitignored sibling', { '.git/HEAD': '', '.gitignore': 'src/client.js\n', 'src/use.js': USE, 'src/client.js': CLIENT }, []],
    ['an --ignore\'d sibling', { 'src/use.js': USE, 'src/client.js': CLIENT }, ['src/client.js']],
    ['a sibling in node_modules', { 'src/use.js': "import { c } from './node_modules/client';\ncrossSign(c);\n", 'src/node_modules/client/index.js': CLIENT }, []],
  ];
  for (const [name, files, ignore] of cases) {
    it(`leaves ${name} alone and reports the finding as manual`, async () => {
      const root = createProject(files);
      const report = await migrate({ cwd: root, vendorDirectory, ignore, ...cross });
      for (const [path, text] of Object.entries(files)) assert.equal(read(root, path), text);
      assert.deepEqual(report.files.flatMap((file) => file.findings.map((finding) => finding.status)), ['manual']);
    });
  }

  it('never writes through a symlinked sibling', async () => {
    const root = createProject({ 'src/use.js': USE, 'shared/client.js': CLIENT });
    symlinkSync(join(root, 'shared/client.js'), join(root, 'src/client.js'));
    const report = await migrate({ cwd: root, paths: ['src'], vendorDirectory, ...cross });
    assert.ok(lstatSync(join(root, 'src/client.js')).isSymbolicLink());
    assert.equal(read(root, 'shared/client.js'), CLIENT);
    assert.equal(report.totals.filesChanged, 0);
  });
});

describe('a file already where the helper goes', () => {
  const run = (root: string) => migrate({ cwd: root, vendorDirectory, ...testEngine });

  it('is not imported when it is the user\'s own: the helper takes another name', async () => {
    const own = 'export function canonicalQueryString() { return 42; }\n';
    const root = createProject({ 'package.json': '{"type":"module"}', 'a.js': 'legacySign(1);\n', 'sigv4.mjs': own });
    const report = await run(root);
    assert.equal(read(root, 'sigv4.mjs'), own);
    assert.equal(read(root, 'a.js'), "import { signRequest } from './sigv4-helper.mjs';\n\nsignRequest(1);\n");
    assert.equal(read(root, 'sigv4-helper.mjs'), withHelperHeader(read(vendorDirectory, 'sigv4.mjs')));
    assert.deepEqual(report.helper, [{ path: 'sigv4-helper.mjs', created: true }]);
  });

  it('steps around a same-named module of another extension that the import could reach', async () => {
    const root = createProject({ 'a.ts': 'export const a = legacySign(1);\n', 'sigv4.js': 'module.exports = {};\n' });
    await run(root);
    assert.equal(read(root, 'a.ts'), "import { signRequest } from './sigv4-helper.js';\n\nexport const a = signRequest(1);\n");
    assert.equal(existsSync(join(root, 'sigv4.ts')), false);
  });

  it('is reused, unchanged, when an earlier run vendored it', async () => {
    const earlier = `${HELPER_HEADER.replace(/\d+\.\d+\.\d+/, '0.0.1')}\nexport function signRequest() {}\n`;
    const root = createProject({ 'package.json': '{"type":"module"}', 'a.js': 'legacySign(1);\n', 'sigv4.mjs': earlier });
    const report = await run(root);
    assert.equal(read(root, 'sigv4.mjs'), earlier);
    assert.equal(read(root, 'a.js'), "import { signRequest } from './sigv4.mjs';\n\nsignRequest(1);\n");
    assert.deepEqual(report.helper, []);
  });
});
