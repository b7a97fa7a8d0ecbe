// Paths as a to-do, a note or an import shows them: relative to the file that mentions them, with
// `/` on every platform so the text is the same wherever the codemod runs.
import { dirname, relative, sep } from 'node:path';

/** `to` relative to the folder holding `from` (`s3.ts`, `../lib/s3.js`). */
export function relativePath(from: string, to: string): string {
  return relative(dirname(from), to).split(sep).join('/');
}

/** `to` as `from` would import it: `./s3.js`, `../lib/s3.js`. */
export function relativeSpecifier(from: string, to: string): string {
  const path = relativePath(from, to);
  return path.startsWith('.') ? path : `./${path}`;
}
