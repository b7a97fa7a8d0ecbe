// The benchmarks' corpora, built from the JS/TS files of this project's own node_modules (real code
// nobody here wrote, no network): the files as they are, and a bigger seeded mix of them.
import { copyFileSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Bigger files are generated data or bundles nobody lints; the corpora left them out too. */
const MAX_FILE_BYTES = 2_000_000;

/** Every JS/TS file under node_modules (declarations excluded), in a stable order, symlinks skipped. */
export function collectNodeModulesFiles(directory = join(projectRoot, 'node_modules'), found: string[] = []): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) collectNodeModulesFiles(path, found);
    else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) found.push(path);
  }
  return found;
}

export interface Corpus {
  name: string;
  /** The folder every contender is pointed at. */
  directory: string;
  count: number;
  bytes: number;
}

/** mulberry32: a tiny seeded generator, so the mix is the same on every run and machine with the same packages. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/**
 * Where a node_modules file lands in a corpus: its path below node_modules with every `node_modules`
 * folder renamed, since the CLI and ESLint both skip those, and the tree kept so discovery walks
 * real-looking folders.
 */
function corpusPath(source: string): string {
  return relative(join(projectRoot, 'node_modules'), source)
    .split(sep)
    .map((part) => (part === 'node_modules' ? 'nm' : part))
    .join(sep);
}

/** A hard link when the file system allows one (instant, no space), else a copy: same bytes either way. */
function placeFile(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

function stage(name: string, directory: string, placements: readonly { source: string; target: string }[]): Corpus {
  let bytes = 0;
  for (const { source, target } of placements) {
    placeFile(source, join(directory, target));
    bytes += statSync(source).size;
  }
  return { name, directory, count: placements.length, bytes };
}

function lintableFiles(): string[] {
  return collectNodeModulesFiles().filter((path) => statSync(path).size < MAX_FILE_BYTES);
}

/** Given node_modules files, in their tree under `directory`. */
export function stageFileList(directory: string, files: readonly string[]): Corpus {
  return stage(`${files.length} files`, directory, files.map((source) => ({ source, target: corpusPath(source) })));
}

/** The node_modules corpus: its first `limit` files (all by default), in their tree. */
export function stageNodeModulesCorpus(work: string, limit = Infinity): Corpus {
  const files = lintableFiles().slice(0, limit);
  return stage('node_modules', join(work, 'node_modules-corpus'), files.map((source) => ({ source, target: corpusPath(source) })));
}

/**
 * The large corpus: `count` files drawn from node_modules in passes, each pass a fresh seeded
 * shuffle of every file under its own folder (`p0/`, `p1/`, …). node_modules alone holds about 6k
 * files, so 20k repeats each file three or four times under different paths; every contender
 * reads and parses each copy, none caches by content.
 */
export function stageMixedCorpus(work: string, count: number, seed = 12): Corpus {
  const files = lintableFiles();
  const random = seededRandom(seed);
  const placements: { source: string; target: string }[] = [];
  for (let pass = 0; placements.length < count; pass += 1) {
    for (const source of shuffled(files, random).slice(0, count - placements.length)) {
      placements.push({ source, target: join(`p${pass}`, corpusPath(source)) });
    }
  }
  return stage(`mix of ${count}`, join(work, 'mixed-corpus'), placements);
}
