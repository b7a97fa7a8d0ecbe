// File discovery: extensions, node_modules and .git skipped, nested .gitignore files and --ignore
// globs honoured, symlinks never followed (so nothing outside the target is read or written).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { discoverFiles, isInsideRoots } from '../../src/cli/discover';
import { migrate } from '../../src/migrate';
import { createProject, createVendorDirectory, testEngine } from './support/engine-fixtures';

function discovered(root: string, paths: string[] = ['.'], ignore: string[] = []): string[] {
  return discoverFiles({ paths, cwd: root, ignore }).files.map((file) => relative(root, file).split('\\').join('/'));
}

describe('discoverFiles', () => {
  it('finds every JS/TS extension and nothing else (declaration files excluded)', () => {
    const extensions = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'];
    const root = createProject({
      ...Object.fromEntries(extensions.map((extension) => [`a.${extension}`, ''])),
      'b.json': '', 'c.d.ts': '', 'd.md': '', 'e.d.mts': '',
    });
    assert.deepEqual(discovered(root), extensions.map((extension) => `a.${extension}`).sort());
  });

  it('skips node_modules and .git at any depth', () => {
    const root = createProject({ 'node_modules/x/i.js': '', 'pkg/node_modules/y.js': '', '.git/hooks/h.js': '', 'src/keep.js': '' });
    assert.deepEqual(discovered(root), ['src/keep.js']);
  });

  it('honours nested .gitignore files, relative to their own folder', () => {
    const root = createProject({
      '.git/HEAD': '',
      '.gitignore': 'build/\n*.gen.ts\n',
      'build/out.js': '', 'src/a.gen.ts': '', 'src/a.ts': '',
      'src/.gitignore': 'local.js\n!keep.gen.ts\n',
      'src/local.js': '', 'local.js': '', 'src/keep.gen.ts': '',
    });
    assert.deepEqual(discovered(root), ['local.js', 'src/a.ts', 'src/keep.gen.ts']);
  });

  it('honours the .gitignore files above a given subfolder, up to the repository root', () => {
    const root = createProject({ '.git/HEAD': '', '.gitignore': 'src/generated/\n', 'src/generated/g.js': '', 'src/a.js': '' });
    assert.deepEqual(discovered(root, ['src']), ['src/a.js']);
  });

  it('skips --ignore globs', () => {
    const root = createProject({ 'src/a.js': '', 'src/legacy/b.js': '', 'test/c.test.ts': '' });
    assert.deepEqual(discovered(root, ['.'], ['src/legacy', '*.test.ts']), ['src/a.js']);
  });

  it('never follows symlinks, to files or folders, inside or outside', () => {
    const outside = createProject({ 'secret.js': 'legacySign(1);\n', 'dir/x.js': 'legacySign(2);\n' });
    const root = createProject({ 'src/a.js': '' });
    symlinkSync(join(outside, 'secret.js'), join(root, 'src/link.js'));
    symlinkSync(join(outside, 'dir'), join(root, 'src/linkdir'));
    symlinkSync(join(root, 'src'), join(root, 'loop'));
    assert.deepEqual(discovered(root), ['src/a.js']);
  });

  it('rejects a path that does not exist', () => {
    const root = createProject({});
    assert.throws(() => discoverFiles({ paths: ['missing'], cwd: root }), /no such file or directory: missing/);
  });

  it('accepts a single file as a path', () => {
    const root = createProject({ 'a.js': '', 'b.js': '' });
    assert.deepEqual(discovered(root, ['a.js']), ['a.js']);
  });

  it('knows what is inside the roots', () => {
    assert.equal(isInsideRoots(['/p/src'], '/p/src/a.js'), true);
    assert.equal(isInsideRoots(['/p/src'], '/p/src'), true);
    assert.equal(isInsideRoots(['/p/src'], '/p/srcx/a.js'), false);
    assert.equal(isInsideRoots(['/p/src'], '/p/a.js'), false);
  });
});

describe('writes stay inside the given paths', () => {
  it('does not rewrite a symlinked file that points outside the target', async () => {
    const outside = createProject({ 'secret.js': 'legacySign(1);\n' });
    const root = createProject({ 'a.js': 'legacySign(2);\n' });
    symlinkSync(join(outside, 'secret.js'), join(root, 'link.js'));
    mkdirSync(join(root, 'empty'));
    const report = await migrate({ cwd: root, ...testEngine, vendorDirectory: createVendorDirectory() });
    assert.deepEqual(report.files.map((file) => file.path), ['a.js']);
    assert.equal(readFileSync(join(outside, 'secret.js'), 'utf8'), 'legacySign(1);\n');
  });
});
