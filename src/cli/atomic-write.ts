// Writes a file so that a reader (or a Ctrl-C, or a full disk) only ever sees the old or the new
// content: a temp file in the same folder, written completely, fsynced and read back, the
// original's mode and owner, a last check that nobody changed the original, then one rename.
import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Writes `length` bytes of `buffer` from `offset`; returns how many it wrote (may be fewer). */
export type WriteChunk = (descriptor: number, buffer: Uint8Array, offset: number, length: number) => number;

export interface AtomicWriteOptions {
  /** The bytes the original held when it was read: the write is refused if it holds others now. */
  expectedContent?: Uint8Array;
  /** The file must not exist yet (the vendored helper): refused if someone created it meanwhile. */
  mustNotExist?: boolean;
  /** Internal (tests): the system call that writes, to inject short writes. */
  writeChunk?: WriteChunk;
}

/** Thrown when the file changed (or appeared) after the run read it: it is left as it is. */
export class ChangedOnDiskError extends Error {}

/** Marks our temp files: `.<name>.sigv4-migrate-<pid>-<hex>.tmp`, so a later run finds leftovers. */
export const TEMPORARY_FILE_PATTERN = /^\..+\.sigv4-migrate-(\d+)-[0-9a-f]+\.tmp$/;

export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.sigv4-migrate-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

function statIfExists(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Refuses what a rename would silently break: a symlink replaced by a file, hard links split. */
function assertReplaceable(path: string, stats: Stats | undefined): void {
  if (!stats) return;
  if (stats.isSymbolicLink()) throw new Error('is a symbolic link; a rewrite would replace the link with a file, so it is left unchanged');
  if (!stats.isFile()) throw new Error('is not a regular file; left unchanged');
  if (stats.nlink > 1) throw new Error(`has ${stats.nlink} hard links; a rewrite would split them, so it is left unchanged`);
}

/** Writes every byte, looping over short writes; a write that makes no progress is a full disk. */
export function writeCompletely(descriptor: number, bytes: Uint8Array, writeChunk: WriteChunk): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeChunk(descriptor, bytes, offset, bytes.length - offset);
    if (!(written > 0)) throw Object.assign(new Error(`ENOSPC: only ${offset} of ${bytes.length} bytes could be written`), { code: 'ENOSPC' });
    offset += written;
  }
}

const systemWriteChunk: WriteChunk = (descriptor, buffer, offset, length) => writeSync(descriptor, buffer, offset, length);

function assertUnchanged(path: string, options: AtomicWriteOptions): void {
  const now = statIfExists(path);
  if (options.mustNotExist && now) throw new ChangedOnDiskError('was created by someone else during the run; left unchanged');
  if (options.expectedContent === undefined) return;
  if (!now || !Buffer.from(options.expectedContent).equals(readFileSync(path))) {
    throw new ChangedOnDiskError('changed on disk since it was read; left unchanged (run again)');
  }
}

export function writeFileAtomically(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const original = statIfExists(path);
  assertReplaceable(path, original);
  const mode = original ? original.mode & 0o7777 : 0o644;
  const temporary = temporaryPathFor(path);
  const descriptor = openSync(temporary, 'wx', mode);
  try {
    try {
      writeCompletely(descriptor, bytes, options.writeChunk ?? systemWriteChunk);
      // Only root can give a file away; as root, the rewrite keeps the original's owner.
      if (original && process.getuid?.() === 0) fchownSync(descriptor, original.uid, original.gid);
      // After the chown, which may clear set-id bits: openSync's mode is masked by the umask, and
      // the original's mode must survive exactly.
      fchmodSync(descriptor, mode);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    if (!Buffer.from(bytes).equals(readFileSync(temporary))) throw new Error('the written temp file does not read back as written (disk full or failing?)');
    assertUnchanged(path, options);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed or never created: nothing to clean up.
    }
    throw error;
  }
}
