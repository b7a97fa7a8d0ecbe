// writeFileAtomically under adversity: short writes, a full disk (a 64 KB tmpfs), bytes that do not
// read back, a file edited during the run, hard links, symlinks, ownership, and its temp file names.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chownSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmdirSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ChangedOnDiskError, TEMPORARY_FILE_PATTERN, writeFileAtomically } from '../../src/cli/atomic-write';
import type { WriteChunk } from '../../src/cli/atomic-write';
import { createProject } from './support/engine-fixtures';

const isRoot = process.getuid?.() === 0;

/** A writer that writes at most `limit` bytes per call, and nothing at all after `budget` bytes. */
function shortWriter(limit: number, budget = Infinity): WriteChunk {
  let total = 0;
  return (descriptor, buffer, offset, length) => {
    const allowed = Math.min(limit, length, budget - total);
    if (allowed <= 0) return 0;
    total += allowed;
    return writeSync(descriptor, buffer, offset, allowed);
  };
}

describe('writeFileAtomically: complete writes', () => {
  it('loops over short writes until every byte is written', () => {
    const root = createProject({ 'a.js': 'old' });
    const content = 'x'.repeat(1000);
    writeFileAtomically(join(root, 'a.js'), content, { writeChunk: shortWriter(7) });
    assert.equal(readFileSync(join(root, 'a.js'), 'utf8'), content);
    assert.deepEqual(readdirSync(root), ['a.js']);
  });

  it('keeps the original and removes the temp file when the disk fills up half-way', () => {
    const root = createProject({ 'a.js': 'old content' });
    assert.throws(() => writeFileAtomically(join(root, 'a.js'), 'y'.repeat(1000), { writeChunk: shortWriter(100, 300) }), { code: 'ENOSPC' });
    assert.equal(readFileSync(join(root, 'a.js'), 'utf8'), 'old content');
    assert.deepEqual(readdirSync(root), ['a.js']);
  });

  it('refuses to rename a temp file whose bytes do not read back as written', () => {
    const root = createProject({ 'a.js': 'old' });
    const corrupting: WriteChunk = (descriptor, _buffer, _offset, length) => writeSync(descriptor, Buffer.alloc(length, 0x3f));
    assert.throws(() => writeFileAtomically(join(root, 'a.js'), 'new content', { writeChunk: corrupting }), /does not read back/);
    assert.equal(readFileSync(join(root, 'a.js'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(root), ['a.js']);
  });

  it('keeps the original on a real full disk (a 64 KB tmpfs)', { skip: isRoot ? false : 'mounting a tmpfs needs root' }, (t) => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'sigv4-tmpfs-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) {
      rmdirSync(mountPoint);
      t.skip(`cannot mount a tmpfs here: ${mounted.stderr?.toString().trim() || 'mount failed'}`);
      return;
    }
    try {
      const path = join(mountPoint, 'big.js');
      const original = 'a'.repeat(40 * 1024);
      writeFileSync(path, original);
      assert.throws(() => writeFileAtomically(path, 'b'.repeat(60 * 1024)), { code: 'ENOSPC' });
      assert.equal(readFileSync(path, 'utf8'), original);
      assert.deepEqual(readdirSync(mountPoint), ['big.js']);
    } finally {
      spawnSync('umount', [mountPoint]);
      rmdirSync(mountPoint);
    }
  });
});

describe('writeFileAtomically: what it must not overwrite', () => {
  it('leaves a file alone that changed since it was read', () => {
    const root = createProject({ 'a.js': 'as read' });
    writeFileSync(join(root, 'a.js'), 'edited by the user meanwhile');
    assert.throws(() => writeFileAtomically(join(root, 'a.js'), 'rewritten', { expectedContent: Buffer.from('as read') }), ChangedOnDiskError);
    assert.equal(readFileSync(join(root, 'a.js'), 'utf8'), 'edited by the user meanwhile');
    assert.deepEqual(readdirSync(root), ['a.js']);
  });

  it('writes when the file still holds what was read', () => {
    const root = createProject({ 'a.js': 'as read' });
    writeFileAtomically(join(root, 'a.js'), 'rewritten', { expectedContent: Buffer.from('as read') });
    assert.equal(readFileSync(join(root, 'a.js'), 'utf8'), 'rewritten');
  });

  it('does not replace a file that appeared where a new file was planned', () => {
    const root = createProject({ 'sigv4.ts': 'someone else\'s' });
    assert.throws(() => writeFileAtomically(join(root, 'sigv4.ts'), 'helper', { mustNotExist: true }), ChangedOnDiskError);
    assert.equal(readFileSync(join(root, 'sigv4.ts'), 'utf8'), 'someone else\'s');
  });

  it('reports instead of splitting hard links or replacing a symlink', () => {
    const root = createProject({ 'a.js': 'linked', 'target.js': 'target' });
    linkSync(join(root, 'a.js'), join(root, 'b.js'));
    symlinkSync(join(root, 'target.js'), join(root, 'link.js'));
    assert.throws(() => writeFileAtomically(join(root, 'a.js'), 'new'), /2 hard links/);
    assert.throws(() => writeFileAtomically(join(root, 'link.js'), 'new'), /symbolic link/);
    assert.equal(readFileSync(join(root, 'b.js'), 'utf8'), 'linked');
    assert.equal(readFileSync(join(root, 'target.js'), 'utf8'), 'target');
    assert.deepEqual(readdirSync(root).sort(), ['a.js', 'b.js', 'link.js', 'target.js']);
  });

  it('keeps the owner when running as root', { skip: isRoot ? false : 'only root can give a file away' }, () => {
    const root = createProject({ 'a.js': 'old' });
    chownSync(join(root, 'a.js'), 4321, 8765);
    writeFileAtomically(join(root, 'a.js'), 'new');
    const stats = statSync(join(root, 'a.js'));
    assert.deepEqual([stats.uid, stats.gid], [4321, 8765]);
  });

  it('names its temp file so a later run recognises it as its own', () => {
    const root = createProject({ 'a.js': 'old' });
    let seen: string[] = [];
    const spying: WriteChunk = (descriptor, buffer, offset, length) => {
      seen = readdirSync(root).filter((name) => name !== 'a.js');
      return writeSync(descriptor, buffer, offset, length);
    };
    writeFileAtomically(join(root, 'a.js'), 'new', { writeChunk: spying });
    assert.equal(seen.length, 1);
    assert.match(seen[0]!, TEMPORARY_FILE_PATTERN);
    assert.equal(TEMPORARY_FILE_PATTERN.exec(seen[0]!)?.[1], String(process.pid));
    assert.ok(seen[0]!.startsWith('.a.js.sigv4-migrate-'));
  });
});
