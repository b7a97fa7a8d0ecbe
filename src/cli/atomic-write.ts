// Writes a file so that a reader (or a Ctrl-C) only ever sees the old or the new content: a temp
// file in the same folder, the original's mode, then one rename.
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const mode = (() => {
    try {
      return statSync(path).mode & 0o7777;
    } catch {
      return 0o644;
    }
  })();
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.sigv4-migrate.tmp`);
  const descriptor = openSync(temporary, 'wx', mode);
  try {
    try {
      writeSync(descriptor, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    // openSync's mode is masked by the umask; the original's mode must survive exactly.
    chmodSync(temporary, mode);
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
