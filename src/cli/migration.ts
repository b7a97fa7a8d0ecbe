// `migrate`, the run behind the CLI and the programmatic API (re-exported by src/migrate.ts): discover
// files, prefilter, lint with the plugin's rules, rewrite with the codemods, vendor the helper, and
// write atomically. ts-morph, the codemods and tsconfig reading load only once a file has a finding.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Codemod } from '../../codemods/types';
import {
  detectRelativeExtension,
  helperFileName,
  helperFlavorFor,
  javascriptHelperExtension,
  readVendoredHelper,
  relativeExtensionFromCompilerOptions,
  relativeHelperSpecifier,
  shallowestDirectory,
} from '../../codemods/utils/helper-vendor';
import type { HelperFlavor } from '../../codemods/utils/helper-vendor';
import { rules as pluginRules } from '../../rules/index';
import type { WriteChunk } from './atomic-write';
import { SOURCE_EXTENSIONS, UsageError, discoverFiles, isInsideRoots } from './discover';
import { findUncommittedFiles } from './git';
import { createHeapTrimmer } from './heap';
import { createRuleLinter } from './lint';
import type { LintResult, LintRule } from './lint';
import { createLintPool } from './lint-pool';
import { createPrefilter, ruleNeedles } from './needles';
import type { Needles } from './needles';
import type { ProjectHints } from './project-hints';
import { DEFAULT_MAX_FILE_SIZE, screenFile } from './screen';
import { settleFindings } from './settle';
import { removeLeftoverTemporaryFiles } from './leftovers';
import type { LeftoverReport } from './leftovers';
import { writeChanges } from './write-changes';
import type { FileOutcome, FindingReport, FindingStatus, Session } from './session';

export { UsageError };
export type { FindingReport, FindingStatus };

/** The rewriting half of a run: created at the first finding, so runs without one never load it. */
interface Rewriter {
  session: Session;
  hints: ProjectHints;
}

export interface MigrateProgress {
  phase: 'scan' | 'write';
  filesDone: number;
  filesTotal: number;
  findings: number;
}

/** One file a run changes (or would change, under dryRun): for diffs. */
export interface FileChange {
  /** Relative to cwd, with `/`. */
  path: string;
  before: string;
  after: string;
  /** True for the vendored helper when it is created. */
  created: boolean;
}

export interface MigrateOptions {
  /** Files and folders to migrate (default `['.']`), relative to cwd. Nothing outside them is written. */
  paths?: string[];
  cwd?: string;
  /** Plan everything, write nothing (the CLI prints `onChange` as a unified diff). */
  dryRun?: boolean;
  /** Rule names to run (default: every rule). */
  only?: string[];
  /** Write a `// sigv4-migrate: …` comment above each finding that needs manual work. */
  annotate?: boolean;
  /** Write even when files to change have uncommitted changes in git. */
  force?: boolean;
  /** Folder the vendored helper is written to (default: beside the shallowest rewritten file). */
  helperOut?: string;
  /** Import the helper from this package specifier instead of vendoring it. */
  helperImport?: string;
  /** gitignore-style globs to skip. */
  ignore?: string[];
  /** Aborting stops the run between two files (Ctrl-C); the report then says `interrupted`. */
  signal?: AbortSignal;
  onProgress?: (progress: MigrateProgress) => void;
  onChange?: (change: FileChange) => void;
  /** Internal (tests, bench): replace the plugin's rules (lints in this thread), the codemods, the needles, the vendored helper folder. */
  rules?: Record<string, LintRule>;
  codemods?: Partial<Record<string, Codemod>>;
  needles?: Partial<Record<string, Needles>>;
  vendorDirectory?: string;
  /** Files over this many bytes are skipped and reported (default 2 MB; 0: no limit). */
  maxFileSize?: number;
  /** Scan minified and generated bundles too (skipped and reported by default). */
  includeGenerated?: boolean;
  /** Internal (tests): the write system call, to inject short writes. */
  writeChunk?: WriteChunk;
  /** Candidates from which linting uses worker threads (default 200). */
  workerThreshold?: number;
  /**
   * Collect garbage after large files so the peak stays near the live heap. The CLI turns it on for
   * its own process; a library caller's process is left to its own collector by default.
   */
  trimHeap?: boolean;
}

export interface FileReport {
  /** Relative to cwd, with `/`. */
  path: string;
  changed: boolean;
  findings: FindingReport[];
  /** Findings the rules still report after the rewrite: the manual work left in this file. */
  remaining: number;
}

export interface ErrorReport {
  path: string;
  message: string;
}

export type ExitCode = 0 | 1 | 2 | 3 | 130;

export interface MigrateReport {
  dryRun: boolean;
  files: FileReport[];
  /** The vendored helper file(s) this run created (or would create). */
  helper: { path: string; created: boolean }[];
  /** Files left alone because they have uncommitted changes (the run wrote nothing). */
  refused: string[];
  /** Files not scanned: over the size limit, minified or generated, UTF-16, not regular files. */
  skipped: { path: string; reason: string }[];
  /** Temp files of killed runs: removed (or, in a dry run, to be removed). */
  leftovers: LeftoverReport[];
  interrupted: boolean;
  errors: ErrorReport[];
  totals: {
    files: number;
    candidates: number;
    filesWithFindings: number;
    filesChanged: number;
    findings: number;
    fixed: number;
    /** Fixes planned but not written (dry run, refusal, write error). */
    wouldFix: number;
    manual: number;
    remaining: number;
    errors: number;
  };
  /** 0 nothing left to do, 1 changes pending (dry run) or manual work, 2 refusal, 3 a file could not be processed, 130 interrupted. */
  exitCode: ExitCode;
}

const UTF8_BOM = '\uFEFF';

function toReportPath(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}

function selectRules(rules: Record<string, LintRule>, only: readonly string[] | undefined): Record<string, LintRule> {
  if (!only) return rules;
  const unknown = only.filter((name) => !(name in rules));
  if (unknown.length > 0) throw new UsageError(`unknown rule(s) for --only: ${unknown.join(', ')} (known: ${Object.keys(rules).join(', ')})`);
  return Object.fromEntries(only.map((name) => [name, rules[name]]));
}

/** Every file matches when a rule has no needles: better slow than blind. */
function needlesFor(names: readonly string[], needles: Partial<Record<string, Needles>>): Needles[] {
  return names.map((name) => needles[name] ?? [['']]);
}

interface SourceText {
  text: string;
  bom: boolean;
}

/** Decodes UTF-8; undefined when the bytes would not survive a round trip (not UTF-8). */
function decodeSource(buffer: Buffer): SourceText | undefined {
  const decoded = buffer.toString('utf8');
  if (!Buffer.from(decoded, 'utf8').equals(buffer)) return undefined;
  const bom = decoded.startsWith(UTF8_BOM);
  return { text: bom ? decoded.slice(1) : decoded, bom };
}

/** Candidates at or above which linting moves to worker threads (one per core). */
const WORKER_THRESHOLD = 200;

interface PreparedCandidate {
  path: string;
  source: SourceText | undefined;
  /** The worker's lint result; undefined means lint in this thread (no pool, or the worker failed). */
  linted: Promise<LintResult | undefined> | undefined;
}

interface HelperPlacement {
  flavor: HelperFlavor;
  path: string;
}

export async function migrate(options: MigrateOptions = {}): Promise<MigrateReport> {
  const cwd = options.cwd ?? process.cwd();
  const rules = selectRules(options.rules ?? pluginRules, options.only);
  const prefilter = createPrefilter(needlesFor(Object.keys(rules), options.needles ?? ruleNeedles));
  const discovery = discoverFiles({ paths: options.paths?.length ? options.paths : ['.'], cwd, ignore: options.ignore });
  const boms = new Map<string, boolean>();
  const errors: ErrorReport[] = [];
  const report = (path: string, message: string) => errors.push({ path: toReportPath(cwd, path), message });
  const trimHeap = createHeapTrimmer({ enabled: options.trimHeap ?? false });
  const lintText = createRuleLinter(rules);
  const skipped = discovery.skipped.map((entry) => ({ path: toReportPath(cwd, entry.path), reason: entry.reason }));
  const leftovers = removeLeftoverTemporaryFiles(discovery.temporaryFiles, options.dryRun ?? false)
    .map((entry) => ({ ...entry, path: toReportPath(cwd, entry.path) }));
  const screening = { maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, includeGenerated: options.includeGenerated ?? false };

  const readSibling = (path: string): string | undefined => {
    if (!isInsideRoots(discovery.roots, path) || !SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension))) return undefined;
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    const source = decodeSource(readFileSync(path));
    if (!source) return undefined;
    boms.set(path, source.bom);
    return source.text;
  };
  let rewriter: Rewriter | undefined;
  const loadRewriter = async (): Promise<Rewriter> => {
    if (rewriter) return rewriter;
    const [{ createSession }, { createProjectHints }, codemods] = await Promise.all([
      import('./session'),
      import('./project-hints'),
      options.codemods ?? import('../../codemods/index').then((module) => module.codemods),
    ]);
    const hints = createProjectHints();
    const session = createSession({
      rules,
      codemods,
      annotate: options.annotate ?? false,
      packageSpecifier: options.helperImport,
      fallbackStyle: hints.moduleStyleOf,
      heap: trimHeap,
      readSibling,
    });
    rewriter = { session, hints };
    return rewriter;
  };

  const total = discovery.files.length;
  let findingsSoFar = 0;
  let filesDone = 0;
  let interrupted = false;
  const progress = () => options.onProgress?.({ phase: 'scan', filesDone, filesTotal: total, findings: findingsSoFar });

  // Pass 1: the prefilter. Most files cost one read here and nothing more.
  const candidatePaths: string[] = [];
  for (const [index, path] of discovery.files.entries()) {
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
    try {
      const screened = screenFile(path, prefilter, screening);
      if (screened.kind === 'candidate') candidatePaths.push(path);
      else filesDone += 1;
      if (screened.kind === 'skipped') skipped.push({ path: toReportPath(cwd, path), reason: screened.reason });
    } catch (error) {
      report(path, `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      filesDone += 1;
    }
    if (index % 256 === 255) {
      progress();
      // Lets a Ctrl-C handler run.
      await yieldToEventLoop();
    }
  }
  progress();

  // Pass 2: lint the candidates (in worker threads when there are many) and plan their fixes, in
  // file order so overlapping cross-file fixes resolve the same way every run.
  const useWorkers = !interrupted && !options.rules && candidatePaths.length >= (options.workerThreshold ?? WORKER_THRESHOLD);
  const pool = useWorkers ? createLintPool(Object.keys(rules), { trimHeap: options.trimHeap ?? false }) : undefined;
  const prepare = (path: string): PreparedCandidate => {
    let source: SourceText | undefined;
    try {
      source = decodeSource(readFileSync(path));
      if (!source) report(path, 'is not valid UTF-8; left unchanged');
    } catch (error) {
      report(path, `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return { path, source, linted: source && pool ? pool.lint(path, source.text).catch(() => undefined) : undefined };
  };
  const windowSize = pool ? 4 * availableParallelism() : 1;
  const window: PreparedCandidate[] = [];
  let next = 0;
  const fillWindow = () => {
    while (window.length < windowSize && next < candidatePaths.length) window.push(prepare(candidatePaths[next++]!));
  };
  try {
    fillWindow();
    while (window.length > 0 && !interrupted) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      const candidate = window.shift()!;
      fillWindow();
      if (candidate.source) {
        boms.set(candidate.path, candidate.source.bom);
        trimHeap.willParse(candidate.source.text.length);
        const linted = (candidate.linted ? await candidate.linted : undefined) ?? lintText(candidate.path, candidate.source.text);
        if (linted.kind === 'fatal') {
          report(candidate.path, `does not parse (${linted.message}); left unchanged`);
        } else if (linted.findings.length > 0) {
          // Only a file with findings needs ts-morph and the codemods.
          const analysed = (await loadRewriter()).session.analyseLinted(candidate.path, candidate.source.text, linted);
          if (analysed.kind === 'analysed') findingsSoFar += analysed.findings.length;
        }
        trimHeap.parsed(candidate.source.text.length);
      }
      filesDone += 1;
      progress();
      await yieldToEventLoop();
    }
  } finally {
    await pool?.close();
  }
  const candidates = candidatePaths.length;

  const placements = new Map<HelperFlavor, HelperPlacement>();
  const users = interrupted || !rewriter ? [] : rewriter.session.helperUsers();
  const helperDirectory = options.helperImport || users.length === 0
    ? undefined
    : options.helperOut ? join(cwd, options.helperOut) : shallowestDirectory(users.map((user) => user.path));
  const specifierFor = (path: string, text: string): string => {
    if (options.helperImport || !helperDirectory) return options.helperImport ?? 'sigv4-migrate/sigv4';
    const style = users.find((user) => user.path === path)?.style ?? 'esm';
    const flavor = helperFlavorFor(path, style);
    const helperPath = join(helperDirectory, helperFileName(flavor));
    placements.set(flavor, { flavor, path: helperPath });
    // Only the session's `finish` asks for specifiers, so the rewriter is loaded by then.
    const extension = flavor === 'ts'
      ? detectRelativeExtension(text) ?? relativeExtensionFromCompilerOptions(rewriter!.hints.compilerHintsOf(path))
      : javascriptHelperExtension(flavor);
    return relativeHelperSpecifier(path, helperPath, extension);
  };
  const outcomes: FileOutcome[] = interrupted || !rewriter ? [] : rewriter.session.finish(specifierFor);

  for (const outcome of outcomes) {
    if (outcome.error) report(outcome.path, outcome.error);
  }

  const helperChanges: FileChange[] = [];
  const helperFiles: { path: string; content: string }[] = [];
  for (const placement of placements.values()) {
    if (existsSync(placement.path)) continue;
    let content: string;
    try {
      content = readVendoredHelper(placement.flavor, options.vendorDirectory);
    } catch (error) {
      report(placement.path, (error as Error).message);
      for (const outcome of outcomes) {
        if (outcome.helperStyle && helperFlavorFor(outcome.path, outcome.helperStyle) === placement.flavor) outcome.after = outcome.before;
      }
      continue;
    }
    helperFiles.push({ path: placement.path, content });
    helperChanges.push({ path: toReportPath(cwd, placement.path), before: '', after: content, created: true });
  }

  const changed = outcomes.filter((outcome) => !outcome.error && outcome.after !== outcome.before);
  for (const change of helperChanges) options.onChange?.(change);
  for (const outcome of changed) {
    options.onChange?.({ path: toReportPath(cwd, outcome.path), before: outcome.before, after: outcome.after, created: false });
  }

  const dryRun = options.dryRun ?? false;
  let refused: string[] = [];
  if (!dryRun && !interrupted && changed.length > 0 && !options.force) {
    refused = findUncommittedFiles(changed.map((outcome) => outcome.path)).map((path) => toReportPath(cwd, path));
  }
  let written = new Set<string>();
  let helpersWritten = false;
  if (!dryRun && !interrupted && refused.length === 0) {
    const bomOf = (path: string) => (boms.get(path) ? UTF8_BOM : '');
    const committed = await writeChanges({
      helpers: helperFiles,
      files: changed.map((outcome) => ({ path: outcome.path, content: bomOf(outcome.path) + outcome.after, expected: bomOf(outcome.path) + outcome.before })),
      signal: options.signal,
      writeChunk: options.writeChunk,
      onError: report,
      onWritten: (done, filesTotal) => options.onProgress?.({ phase: 'write', filesDone: done, filesTotal, findings: findingsSoFar }),
    });
    written = committed.written;
    helpersWritten = committed.helpersWritten;
    interrupted = committed.interrupted;
  }

  const isChanged = (outcome: FileOutcome) => (dryRun ? changed.includes(outcome) : written.has(outcome.path));
  const files: FileReport[] = outcomes
    .filter((outcome) => outcome.findings.length > 0 || isChanged(outcome))
    .map((outcome) => ({
      path: toReportPath(cwd, outcome.path),
      changed: isChanged(outcome),
      findings: settleFindings(outcome.findings, written, (path) => toReportPath(cwd, path)),
      remaining: outcome.remaining,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const allFindings = files.flatMap((file) => file.findings);
  const remaining = files.reduce((sum, file) => sum + file.remaining, 0);
  const filesChanged = files.filter((file) => file.changed).length;
  const exitCode: ExitCode = interrupted
    ? 130
    : refused.length > 0
      ? 2
      : errors.length > 0
        ? 3
        : (dryRun && (filesChanged > 0 || helperChanges.length > 0)) || remaining > 0
          ? 1
          : 0;
  return {
    dryRun,
    files,
    helper: helperChanges.map((change) => ({ path: change.path, created: helpersWritten })),
    refused,
    skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    leftovers,
    interrupted,
    errors,
    totals: {
      files: total,
      candidates,
      filesWithFindings: files.filter((file) => file.findings.length > 0).length,
      filesChanged,
      findings: allFindings.length,
      fixed: allFindings.filter((finding) => finding.status === 'fixed').length,
      wouldFix: allFindings.filter((finding) => finding.status === 'would-fix').length,
      manual: allFindings.filter((finding) => finding.status === 'manual').length,
      remaining,
      errors: errors.length,
    },
    exitCode,
  };
}
