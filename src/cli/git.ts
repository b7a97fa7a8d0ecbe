// Git safety: which of the files a run would change have uncommitted changes (modified, staged or
// untracked), so the run can refuse instead of mixing its edits with the user's.
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, sep } from 'node:path';

function gitTopLevel(directory: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Paths (relative to the work tree) in `git status --porcelain -z` output. */
export function parsePorcelainPaths(output: string): string[] {
  const fields = output.split('\0');
  const paths: string[] = [];
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index]!;
    if (field.length < 4) continue;
    paths.push(field.slice(3));
    // Renames and copies carry their source path as the next field.
    if (/^[RC]/.test(field)) index += 1;
  }
  return paths;
}

/** The files among `files` (absolute paths) that differ from HEAD or are untracked; none outside git. */
export function findUncommittedFiles(files: readonly string[]): string[] {
  const byTopLevel = new Map<string, string[]>();
  const topLevels = new Map<string, string | undefined>();
  for (const file of files) {
    const directory = dirname(file);
    if (!topLevels.has(directory)) topLevels.set(directory, gitTopLevel(directory));
    const top = topLevels.get(directory);
    if (top) byTopLevel.set(top, [...(byTopLevel.get(top) ?? []), file]);
  }
  const dirty: string[] = [];
  for (const [top, topFiles] of byTopLevel) {
    const relativePaths = topFiles.map((file) => relative(top, file).split(sep).join('/'));
    const output = execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...relativePaths], {
      cwd: top,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const changed = new Set(parsePorcelainPaths(output));
    dirty.push(...topFiles.filter((_, index) => changed.has(relativePaths[index]!)));
  }
  return dirty.map((file) => join(file));
}
