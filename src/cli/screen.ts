// The first look at each discovered file: is it a regular file within the size limit, UTF-16, a
// minified or generated bundle, and does the prefilter want it? Skipped files are reported, never
// silently dropped; only a file without any needle is dropped without a word.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Default `--max-file-size`: real sources are far smaller; bundles over it cost seconds and gigabytes. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface ScreenOptions {
  /** Bytes; 0 means no limit. */
  maxFileSize: number;
  /** Scan minified and generated bundles too (`--include-generated`). */
  includeGenerated: boolean;
}

export type ScreenResult = { kind: 'candidate' } | { kind: 'dropped' } | { kind: 'skipped'; reason: string };

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** Reads a regular file without ever blocking on a FIFO; a non-regular file is not read. */
function readRegularFile(path: string, maxFileSize: number): { bytes: Buffer } | { skipped: string } {
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { skipped: 'is not a regular file (a FIFO, socket or device): not read' };
    if (maxFileSize > 0 && stats.size > maxFileSize) {
      return { skipped: `is ${formatSize(stats.size)}, over the --max-file-size limit of ${formatSize(maxFileSize)}: not scanned` };
    }
    return { bytes: readFileSync(descriptor) };
  } finally {
    closeSync(descriptor);
  }
}

/** UTF-16 (by its byte order mark, or by the NUL bytes of ASCII text in it): never valid UTF-8 source. */
export function utf16Reason(bytes: Buffer): string | undefined {
  const bom = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom || bytes.subarray(0, 4096).includes(0)) {
    return 'is UTF-16 or binary, not UTF-8: not scanned (convert it to UTF-8 to migrate it)';
  }
  return undefined;
}

const MINIFIED_LINE = 5000;
const BUNDLE_SIZE = 100 * 1024;
/** Prologues bundlers write: webpack, browserify, rollup/esbuild banners, codegen markers. */
const BUNDLE_MARKERS = /webpackBootstrap|__webpack_require__|\(function e\(t,n,r\)\{function s\(o,u\)|@generated\b|DO NOT EDIT/;

/** Minified code averages hundreds of characters a line; a hand-written file with one long data line does not. */
const MINIFIED_AVERAGE = 200;

function lineLengths(text: string): { longest: number; lines: number } {
  let longest = 0;
  let lines = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    const stop = end === -1 ? text.length : end;
    longest = Math.max(longest, stop - start);
    lines += 1;
    if (end === -1) return { longest, lines };
    start = end + 1;
  }
}

/** Why a file looks minified or generated (so not hand-written code to migrate), if it does. */
export function generatedReason(text: string): string | undefined {
  const hint = 'skipped; pass --include-generated to scan it';
  const { longest, lines } = lineLengths(text);
  if (longest >= MINIFIED_LINE && text.length >= 20 * 1024 && text.length / lines >= MINIFIED_AVERAGE) {
    return `looks minified (a line of ${longest} characters): ${hint}`;
  }
  if (text.length < BUNDLE_SIZE) return undefined;
  if (/\/\/[#@] sourceMappingURL=/.test(text.slice(-1024))) return `looks like a generated bundle (${formatSize(text.length)} with a source map): ${hint}`;
  if (BUNDLE_MARKERS.test(text.slice(0, 4096))) return `looks like a generated bundle (${formatSize(text.length)} with a bundler prologue): ${hint}`;
  return undefined;
}

/** Decides what pass 1 does with a discovered file. Throws when it cannot be read. */
export function screenFile(path: string, prefilter: (text: string) => boolean, options: ScreenOptions): ScreenResult {
  const read = readRegularFile(path, options.maxFileSize);
  if ('skipped' in read) return { kind: 'skipped', reason: read.skipped };
  const utf16 = utf16Reason(read.bytes);
  if (utf16) return { kind: 'skipped', reason: utf16 };
  // latin1: every needle is ASCII, and it skips UTF-8 decoding for files that are dropped.
  const text = read.bytes.toString('latin1');
  if (!prefilter(text)) return { kind: 'dropped' };
  const generated = options.includeGenerated ? undefined : generatedReason(text);
  return generated ? { kind: 'skipped', reason: generated } : { kind: 'candidate' };
}
