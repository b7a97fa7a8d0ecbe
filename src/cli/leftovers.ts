// Temp files a killed run left behind (`.<name>.sigv4-migrate-<pid>-<hex>.tmp`, or the older
// `.<name>.<hex>.sigv4-migrate.tmp`): recognised in the walk, removed by the next run, reported.
import { unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { TEMPORARY_FILE_PATTERN } from './atomic-write';

const OLD_TEMPORARY_FILE_PATTERN = /^\..+\.[0-9a-f]{12}\.sigv4-migrate\.tmp$/;

export function isOwnTemporaryFile(name: string): boolean {
  return TEMPORARY_FILE_PATTERN.test(name) || OLD_TEMPORARY_FILE_PATTERN.test(name);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temp file of a run that is still going (another live process) is not a leftover. */
function isLeftover(path: string): boolean {
  const pid = Number(TEMPORARY_FILE_PATTERN.exec(basename(path))?.[1]);
  return !pid || pid === process.pid || !isProcessAlive(pid);
}

export interface LeftoverReport {
  path: string;
  removed: boolean;
}

/** Removes (or, in a dry run, only lists) temp files that killed runs left behind. */
export function removeLeftoverTemporaryFiles(paths: readonly string[], dryRun: boolean): LeftoverReport[] {
  const reports: LeftoverReport[] = [];
  for (const path of paths.filter(isLeftover)) {
    if (dryRun) {
      reports.push({ path, removed: false });
      continue;
    }
    try {
      unlinkSync(path);
      reports.push({ path, removed: true });
    } catch {
      reports.push({ path, removed: false });
    }
  }
  return reports;
}
