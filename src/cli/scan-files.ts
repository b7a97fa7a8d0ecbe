// The CLI's reading half of a run: read each discovered file once for the engine's prefilter, then
// read, lint (in worker threads when there are many) and hand to the engine the candidates, in file
// order, with progress and Ctrl-C between files.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AnalyseResult } from '../engine/plan-fixes';
import type { LintResult, LintText } from '../engine/lint';
import { mayUseValuesAcrossFiles } from '../engine/cross-file-gate';
import type { HeapTrimmer } from './heap';
import { screenFile } from './screen';
import type { ScreenOptions } from './screen';
import { createLintPool } from './lint-pool';
import { decodeSource, describeIoError } from './source-text';
import type { SourceText } from './source-text';

/** Candidates at or above which linting moves to worker threads (one per core). */
const WORKER_THRESHOLD = 200;

export interface ScanOptions {
  files: readonly string[];
  prefilter: (text: string) => boolean;
  /** The size limit and whether generated bundles are scanned. */
  screening: ScreenOptions;
  /** A file not scanned (too big, generated, UTF-16, not a regular file), with why. */
  onSkipped: (path: string, reason: string) => void;
  lintText: LintText;
  /** Plans a linted file's fixes (loads the engine's heavy half at the first finding). */
  analyse: (path: string, text: string, linted: LintResult) => Promise<AnalyseResult>;
  /** Rule names for worker threads; undefined lints in this thread (injected test rules). */
  workerRules: readonly string[] | undefined;
  workerThreshold?: number;
  trimHeap: boolean;
  heap: HeapTrimmer;
  signal?: AbortSignal;
  onProgress: (filesDone: number, findings: number) => void;
  onError: (path: string, message: string) => void;
  /** Each candidate's BOM, so its rewrite keeps it. */
  onSource: (path: string, source: SourceText) => void;
}

export interface ScanResult {
  candidates: number;
  interrupted: boolean;
}

/** Pass 1: the prefilter. Most files cost one read here and nothing more. */
async function prefilterFiles(options: ScanOptions): Promise<{ candidates: string[]; dropped: number; interrupted: boolean }> {
  const candidates: string[] = [];
  let dropped = 0;
  for (const [index, path] of options.files.entries()) {
    if (options.signal?.aborted) return { candidates, dropped, interrupted: true };
    try {
      const screened = screenFile(path, options.prefilter, options.screening);
      if (screened.kind === 'candidate') candidates.push(path);
      else dropped += 1;
      if (screened.kind === 'skipped') options.onSkipped(path, screened.reason);
    } catch (error) {
      options.onError(path, `could not be read: ${describeIoError(error)}`);
      dropped += 1;
    }
    if (index % 256 === 255) {
      options.onProgress(dropped, 0);
      // Lets a Ctrl-C handler run.
      await yieldToEventLoop();
    }
  }
  options.onProgress(dropped, 0);
  return { candidates, dropped, interrupted: false };
}

interface PreparedCandidate {
  path: string;
  source: SourceText | undefined;
  /** The worker's lint result; undefined means lint in this thread (no pool, or the worker failed). */
  linted: Promise<LintResult | undefined> | undefined;
}

function readCandidate(path: string, options: ScanOptions): SourceText | undefined {
  try {
    const source = decodeSource(readFileSync(path));
    if (!source) options.onError(path, 'is not valid UTF-8; left unchanged');
    return source;
  } catch (error) {
    options.onError(path, `could not be read: ${describeIoError(error)}`);
    return undefined;
  }
}

/** Lints and plans one candidate; the number of findings it had. */
async function analyseCandidate(candidate: PreparedCandidate, options: ScanOptions): Promise<number> {
  const { path, source } = candidate;
  if (!source) return 0;
  options.onSource(path, source);
  options.heap.willParse(source.text.length);
  const linted = (candidate.linted ? await candidate.linted : undefined) ?? options.lintText(path, source.text);
  let findings = 0;
  if (linted.kind === 'fatal') {
    options.onError(path, `does not parse (${linted.message}); left unchanged`);
  } else if (linted.findings.length > 0 || mayUseValuesAcrossFiles(source.text)) {
    // A file without findings may still presign with a client another module builds.
    const analysed = await options.analyse(path, source.text, linted);
    if (analysed.kind === 'analysed') findings = analysed.findings.length;
  }
  options.heap.parsed(source.text.length);
  return findings;
}

/**
 * Pass 2: lint the candidates and plan their fixes in file order, so overlapping cross-file fixes
 * resolve the same way every run. A window of reads runs ahead so the workers stay busy.
 */
export async function scanFiles(options: ScanOptions): Promise<ScanResult> {
  const filtered = await prefilterFiles(options);
  const paths = filtered.candidates;
  if (filtered.interrupted) return { candidates: paths.length, interrupted: true };
  const useWorkers = options.workerRules !== undefined && paths.length >= (options.workerThreshold ?? WORKER_THRESHOLD);
  const pool = useWorkers ? createLintPool(options.workerRules!, { trimHeap: options.trimHeap }) : undefined;
  const prepare = (path: string): PreparedCandidate => {
    const source = readCandidate(path, options);
    return { path, source, linted: source && pool ? pool.lint(path, source.text).catch(() => undefined) : undefined };
  };
  const windowSize = pool ? 4 * availableParallelism() : 1;
  const window: PreparedCandidate[] = [];
  let next = 0;
  let filesDone = filtered.dropped;
  let findings = 0;
  try {
    while (next < paths.length || window.length > 0) {
      while (window.length < windowSize && next < paths.length) window.push(prepare(paths[next++]!));
      if (options.signal?.aborted) return { candidates: paths.length, interrupted: true };
      findings += await analyseCandidate(window.shift()!, options);
      filesDone += 1;
      options.onProgress(filesDone, findings);
      await yieldToEventLoop();
    }
  } finally {
    await pool?.close();
  }
  return { candidates: paths.length, interrupted: false };
}
