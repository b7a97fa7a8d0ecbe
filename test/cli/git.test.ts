// Git safety: a run refuses (exit 2, naming the files, writing nothing) when a file it would change
// has uncommitted changes, unless --force; clean files and non-git folders are written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parsePorcelainPaths } from '../../src/cli/git';
import { migrate } from '../../src/migrate';
import { createProject, createVendorDirectory, testEngine } from './support/engine-fixtures';

const vendorDirectory = createVendorDirectory();

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
}

function committedProject(files: Record<string, string>): string {
  const root = createProject(files);
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  return root;
}

describe('git safety', () => {
  it('refuses when a file to change has uncommitted edits, naming it and writing nothing', async () => {
    const root = committedProject({ 'clean.cjs': 'legacySign(1);\n', 'dirty.cjs': 'legacySign(2);\n' });
    writeFileSync(join(root, 'dirty.cjs'), 'legacySign(3);\n');
    const report = await migrate({ cwd: root, ...testEngine, vendorDirectory });
    assert.equal(report.exitCode, 2);
    assert.deepEqual(report.refused, ['dirty.cjs']);
    assert.equal(readFileSync(join(root, 'dirty.cjs'), 'utf8'), 'legacySign(3);\n');
    assert.equal(readFileSync(join(root, 'clean.cjs'), 'utf8'), 'legacySign(1);\n');
    assert.equal(report.totals.filesChanged, 0);
  });

  it('refuses for untracked and staged files too', async () => {
    const root = committedProject({ 'a.cjs': 'const a = 1;\n' });
    writeFileSync(join(root, 'new.cjs'), 'legacySign(1);\n');
    writeFileSync(join(root, 'a.cjs'), 'legacySign(2);\n');
    git(root, 'add', 'a.cjs');
    const report = await migrate({ cwd: root, ...testEngine, vendorDirectory });
    assert.deepEqual(report.refused, ['a.cjs', 'new.cjs']);
  });

  it('writes dirty files with --force', async () => {
    const root = committedProject({ 'a.cjs': 'const a = 1;\n' });
    writeFileSync(join(root, 'a.cjs'), 'legacySign(2);\n');
    const report = await migrate({ cwd: root, ...testEngine, vendorDirectory, force: true });
    assert.equal(report.exitCode, 0);
    assert.match(readFileSync(join(root, 'a.cjs'), 'utf8'), /signRequest\(2\)/);
  });

  it('writes committed files without --force, and does not refuse a dry run', async () => {
    const root = committedProject({ 'a.cjs': 'legacySign(1);\n', 'b.cjs': 'legacySign(2);\n' });
    writeFileSync(join(root, 'b.cjs'), 'legacySign(3);\n');
    const dry = await migrate({ cwd: root, ...testEngine, vendorDirectory, dryRun: true });
    assert.equal(dry.exitCode, 1);
    assert.deepEqual(dry.refused, []);
    const clean = await migrate({ cwd: root, paths: ['a.cjs'], ...testEngine, vendorDirectory });
    assert.equal(clean.exitCode, 0);
    assert.match(readFileSync(join(root, 'a.cjs'), 'utf8'), /signRequest\(1\)/);
  });

  it('parses porcelain -z output, including renames', () => {
    assert.deepEqual(parsePorcelainPaths(' M a.js\0R  new.js\0old.js\0?? dir/c d.ts\0'), ['a.js', 'new.js', 'dir/c d.ts']);
  });
});
