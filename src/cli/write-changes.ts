// The CLI's writing half of a run: the vendored helper first, then each changed file, every one
// through a complete, verified atomic write that is refused if the file changed since the run read
// it; stopping between files on Ctrl-C.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { writeFileAtomically } from './atomic-write';
import type { WriteChunk } from './atomic-write';

export interface FileToWrite {
  /** Absolute. */
  path: string;
  /** The full content, BOM included. */
  content: string;
  /** The full content (BOM included) as the run read it: the file must still hold exactly this. */
  expected?: string;
}

export interface WriteOptions {
  /** Created only where no file is (refused if one appeared during the run). */
  helpers: readonly FileToWrite[];
  files: readonly FileToWrite[];
  signal?: AbortSignal;
  onWritten?: (filesDone: number, filesTotal: number) => void;
  /** Records an error for the report (the file stays as it was). */
  onError: (path: string, message: string) => void;
  /** Internal (tests): the write system call, to inject short writes. */
  writeChunk?: WriteChunk;
}

export interface WriteResult {
  /** Absolute paths of the files written (helpers not included). */
  written: Set<string>;
  /** False when a helper could not be written (and then nothing else was). */
  helpersWritten: boolean;
  interrupted: boolean;
}

/** A system call's error by its code (its message repeats absolute temp paths); our own errors by their message. */
function describeError(error: unknown): string {
  const { code, syscall } = error as NodeJS.ErrnoException;
  return code && syscall ? code : (error as Error).message;
}

/** Writes the helpers; false (and nothing else is written) when one fails. */
function writeHelpers(options: WriteOptions): boolean {
  return options.helpers.every((helper) => {
    try {
      mkdirSync(dirname(helper.path), { recursive: true });
      writeFileAtomically(helper.path, helper.content, { mustNotExist: true, writeChunk: options.writeChunk });
      return true;
    } catch (error) {
      options.onError(helper.path, `could not be written: ${describeError(error)}; no file was rewritten`);
      return false;
    }
  });
}

/** The helper first: an interrupted run never leaves a file importing a helper that is not there. */
export async function writeChanges(options: WriteOptions): Promise<WriteResult> {
  const written = new Set<string>();
  if (!writeHelpers(options)) return { written, helpersWritten: false, interrupted: false };
  for (const [index, file] of options.files.entries()) {
    if (options.signal?.aborted) return { written, helpersWritten: true, interrupted: true };
    try {
      const expectedContent = file.expected === undefined ? undefined : Buffer.from(file.expected, 'utf8');
      writeFileAtomically(file.path, file.content, { expectedContent, writeChunk: options.writeChunk });
      written.add(file.path);
    } catch (error) {
      options.onError(file.path, `could not be written: ${describeError(error)}`);
    }
    options.onWritten?.(index + 1, options.files.length);
    await yieldToEventLoop();
  }
  return { written, helpersWritten: true, interrupted: false };
}
