// The benchmarks' shared corpus: the JS/TS files of this project's own node_modules, real code nobody here wrote.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** Every JS/TS file under node_modules (declarations excluded), in a stable order, symlinks skipped. */
export function collectNodeModulesFiles(directory = join(projectRoot, 'node_modules'), found: string[] = []): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) collectNodeModulesFiles(path, found);
    else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) found.push(path);
  }
  return found;
}
