// The commit step of a run: write the vendored helper(s), then each rewritten file, each one
// re-checked against the bytes the run read right before its rename; and clear away the temp files
// an earlier, killed run left behind.
import { mkdirSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { TEMPORARY_FILE_PATTERN, writeFileAtomically } from './atomic-write';
import type { WriteChunk } from './atomic-write';

const UTF8_BOM = '\uFEFF';

export interface HelperWrite {
  path: string;
  content: string;
}

export interface FileWrite {
  path: string;
  /** The text as read (without its BOM): the file must still hold exactly this when it is replaced. */
  before: string;
  after: string;
  bom: boolean;
}

export interface WritePlan {
  helpers: readonly HelperWrite[];
  files: readonly FileWrite[];
  signal?: AbortSignal;
  /** Called after each file with how many of `files` are done. */
  onFileDone?: (done: number, total: number) => void;
  /** Records an error for the report (the file stays as it was). */
  reportError: (path: string, message: string) => void;
  /** Internal (tests): the write system call. */
  writeChunk?: WriteChunk;
}

export interface WriteOutcome {
  /** Absolute paths of the rewritten files that were written. */
  written: Set<string>;
  helpersWritten: boolean;
  interrupted: boolean;
}

/** A system call's error by its code (its message repeats absolute temp paths); our own errors by their message. */
function describeError(error: unknown): string {
  const { code, syscall } = error as NodeJS.ErrnoException;
  return code && syscall ? code : (error as Error).message;
}

function writeHelpers(plan: WritePlan): boolean {
  return plan.helpers.every((helper) => {
    try {
      mkdirSync(dirname(helper.path), { recursive: true });
      writeFileAtomically(helper.path, helper.content, { mustNotExist: true, writeChunk: plan.writeChunk });
      return true;
    } catch (error) {
      plan.reportError(helper.path, `could not be written: ${describeError(error)}; no file was rewritten`);
      return false;
    }
  });
}

/** Writes the plan; the helper first, so an interrupted run never leaves an import of a missing helper. */
export async function commitWritePlan(plan: WritePlan): Promise<WriteOutcome> {
  const written = new Set<string>();
  const helpersWritten = writeHelpers(plan);
  if (!helpersWritten) return { written, helpersWritten, interrupted: false };
  for (const [index, file] of plan.files.entries()) {
    if (plan.signal?.aborted) return { written, helpersWritten, interrupted: true };
    const prefix = file.bom ? UTF8_BOM : '';
    try {
      writeFileAtomically(file.path, prefix + file.after, { expectedContent: Buffer.from(prefix + file.before, 'utf8'), writeChunk: plan.writeChunk });
      written.add(file.path);
    } catch (error) {
      plan.reportError(file.path, `could not be written: ${describeError(error)}`);
    }
    plan.onFileDone?.(index + 1, plan.files.length);
    await yieldToEventLoop();
  }
  return { written, helpersWritten, interrupted: false };
}

/** Our temp files from older versions: `.<name>.<hex>.sigv4-migrate.tmp`. */
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

/** A temp file of a run that is still going (another process) is not a leftover. */
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
