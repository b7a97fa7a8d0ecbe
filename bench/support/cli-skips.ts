// The files of a corpus the CLI never lints by default (generated or minified bundles, UTF-16 or
// binary files), by the CLI's own checks: ESLint is told to ignore them too, so both peers lint the
// same files. Linting them costs ESLint about a tenth of its time on node_modules.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { generatedReason, utf16Reason } from '../../src/cli/screen';

/** Paths relative to `base`, with `/`, of the files under `directory` the CLI skips; and their bytes. */
export function filesTheCliSkips(directory: string, base: string): { paths: string[]; bytes: number } {
  const paths: string[] = [];
  let bytes = 0;
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = readFileSync(path);
    if (!utf16Reason(content) && !generatedReason(content.toString('latin1'))) continue;
    paths.push(relative(base, path).split(sep).join('/'));
    bytes += content.length;
  }
  return { paths, bytes };
}

/** A path as a glob matching only itself: every glob character in a class of its own. */
export function literalGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@]/g, '[$&]');
}
