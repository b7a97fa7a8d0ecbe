// The CLI's writing half of a run: the vendored helper first, then each changed file, every one
// through an atomic write, stopping between files on Ctrl-C.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { writeFileAtomically } from './atomic-write';
import { describeIoError } from './source-text';

export interface FileToWrite {
  /** Absolute. */
  path: string;
  /** The full content, BOM included. */
  content: string;
}

export interface WriteOptions {
  helpers: readonly FileToWrite[];
  files: readonly FileToWrite[];
  signal?: AbortSignal;
  onWritten?: (filesDone: number, filesTotal: number) => void;
  onError: (path: string, message: string) => void;
}

export interface WriteResult {
  /** Absolute paths of the files written (helpers not included). */
  written: Set<string>;
  interrupted: boolean;
}

/** Writes the helpers; false (and nothing else is written) when one fails. */
function writeHelpers(helpers: readonly FileToWrite[], onError: WriteOptions['onError']): boolean {
  return helpers.every((helper) => {
    try {
      mkdirSync(dirname(helper.path), { recursive: true });
      writeFileAtomically(helper.path, helper.content);
      return true;
    } catch (error) {
      onError(helper.path, `could not be written: ${describeIoError(error)}; no file was rewritten`);
      return false;
    }
  });
}

/** The helper first: an interrupted run never leaves a file importing a helper that is not there. */
export async function writeChanges(options: WriteOptions): Promise<WriteResult> {
  const written = new Set<string>();
  if (!writeHelpers(options.helpers, options.onError)) return { written, interrupted: false };
  for (const [index, file] of options.files.entries()) {
    if (options.signal?.aborted) return { written, interrupted: true };
    try {
      writeFileAtomically(file.path, file.content);
      written.add(file.path);
    } catch (error) {
      options.onError(file.path, `could not be written: ${describeIoError(error)}`);
    }
    options.onWritten?.(index + 1, options.files.length);
    await yieldToEventLoop();
  }
  return { written, interrupted: false };
}
