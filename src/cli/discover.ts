// Finds the JavaScript and TypeScript files, and the package.json files, under the given paths: skips node_modules, .git,
// whatever nested .gitignore files and --ignore globs exclude, never follows a symlink, never opens
// a FIFO, socket or device, and notes the temp files a killed run left behind.
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { isOwnTemporaryFile } from './leftovers';

export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const PACKAGE_JSON = 'package.json';

export class UsageError extends Error {}

export interface DiscoveryOptions {
  paths: readonly string[];
  cwd: string;
  /** gitignore-style globs, matched relative to each given path and to cwd. */
  ignore?: readonly string[];
}

export interface Discovery {
  /** Absolute, real paths of the files to read, sorted. */
  files: string[];
  /** Absolute, real paths of the package.json files (read for their dependencies, never written), sorted. */
  packageJsonFiles: string[];
  /** The real paths of the given paths: nothing outside them is ever written. */
  roots: string[];
  /** Given paths that are not regular files or folders (FIFOs, sockets, devices): never opened. */
  skipped: { path: string; reason: string }[];
  /** Temp files of our own (`.<name>.sigv4-migrate-<pid>-<hex>.tmp`) found in the walk. */
  temporaryFiles: string[];
}

interface WalkState {
  isExcluded: (path: string, isDirectory: boolean) => boolean;
  found: string[];
  packageJsonFiles: string[];
  temporaryFiles: string[];
}

interface GitignoreScope {
  directory: string;
  rules: Ignore;
}

function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => name.endsWith(extension)) && !name.endsWith('.d.ts') && !/\.d\.[cm]ts$/.test(name);
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function readGitignore(directory: string): GitignoreScope | undefined {
  const path = join(directory, '.gitignore');
  if (!existsSync(path)) return undefined;
  return { directory, rules: ignore().add(readFileSync(path, 'utf8')) };
}

/** Git's precedence: the deepest .gitignore with an opinion (ignore or `!` re-include) decides. */
function isIgnoredBy(scopes: readonly GitignoreScope[], path: string, isDirectory: boolean): boolean {
  for (let index = scopes.length - 1; index >= 0; index -= 1) {
    const scope = scopes[index]!;
    // Every scope is an ancestor folder of `path`: slicing is the relative path, without the
    // cost of path.relative on every file of a large tree.
    const relativePath = path.startsWith(scope.directory + sep) ? toPosix(path.slice(scope.directory.length + 1)) : toPosix(relative(scope.directory, path));
    if (!relativePath || relativePath.startsWith('..')) continue;
    const verdict = scope.rules.test(isDirectory ? `${relativePath}/` : relativePath);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** .gitignore files between the repository root (the nearest folder with .git) and `directory`. */
function ancestorGitignores(directory: string): GitignoreScope[] {
  const chain: string[] = [];
  for (let current = dirname(directory); ; current = dirname(current)) {
    chain.unshift(current);
    if (existsSync(join(current, '.git')) || dirname(current) === current) break;
  }
  if (!existsSync(join(chain[0]!, '.git'))) return [];
  return chain.map(readGitignore).filter((scope): scope is GitignoreScope => scope !== undefined);
}

function walk(directory: string, scopes: readonly GitignoreScope[], state: WalkState): void {
  const own = readGitignore(directory);
  const active = own ? [...scopes, own] : scopes;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    // Symlinks are never followed: one inside the tree is reached by its real path anyway.
    if (entry.isSymbolicLink()) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name) || isIgnoredBy(active, path, true) || state.isExcluded(path, true)) continue;
      walk(path, active, state);
    } else if (!entry.isFile()) {
      // FIFOs, sockets and devices: opening one can block forever.
      continue;
    } else if (isSourceFile(entry.name)) {
      if (!isIgnoredBy(active, path, false) && !state.isExcluded(path, false)) state.found.push(path);
    } else if (entry.name === PACKAGE_JSON) {
      if (!isIgnoredBy(active, path, false) && !state.isExcluded(path, false)) state.packageJsonFiles.push(path);
    } else if (entry.name.endsWith('.tmp') && isOwnTemporaryFile(entry.name)) {
      // Ours whatever the ignore files say: only we write such names.
      state.temporaryFiles.push(path);
    }
  }
}

/** The --ignore matcher for one root; none at all when no globs were given (it is costly per file). */
function excluderFor(globs: readonly string[], root: string, cwd: string): WalkState['isExcluded'] {
  if (globs.length === 0) return () => false;
  const matcher = ignore().add([...globs]);
  return (path, isDirectory) =>
    [relative(root, path), relative(cwd, path)].some((relativePath) => {
      const posix = toPosix(relativePath);
      return posix !== '' && !posix.startsWith('..') && matcher.ignores(isDirectory ? `${posix}/` : posix);
    });
}

export function discoverFiles(options: DiscoveryOptions): Discovery {
  const found: string[] = [];
  const packageJsonFiles: string[] = [];
  const roots: string[] = [];
  const skipped: Discovery['skipped'] = [];
  const temporaryFiles: string[] = [];
  for (const given of options.paths) {
    const absolute = resolve(options.cwd, given);
    if (!existsSync(absolute)) throw new UsageError(`no such file or directory: ${given}`);
    const root = realpathSync(absolute);
    roots.push(root);
    const stats = statSync(root);
    if (stats.isDirectory()) {
      walk(root, ancestorGitignores(root), { isExcluded: excluderFor(options.ignore ?? [], root, options.cwd), found, packageJsonFiles, temporaryFiles });
    } else if (!stats.isFile()) {
      skipped.push({ path: root, reason: 'is not a regular file (a FIFO, socket or device): not read' });
    } else if (isSourceFile(root)) {
      found.push(root);
    } else if (basename(root) === PACKAGE_JSON) {
      packageJsonFiles.push(root);
    }
  }
  return { files: [...new Set(found)].sort(), packageJsonFiles: [...new Set(packageJsonFiles)].sort(), roots, skipped, temporaryFiles: [...new Set(temporaryFiles)].sort() };
}

/** True when `path` is one of the roots or inside one. */
export function isInsideRoots(roots: readonly string[], path: string): boolean {
  return roots.some((root) => {
    const relativePath = relative(root, path);
    return relativePath === '' || (!relativePath.startsWith('..') && !relativePath.startsWith(sep) && !/^[a-zA-Z]:/.test(relativePath));
  });
}
