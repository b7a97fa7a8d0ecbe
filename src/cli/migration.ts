// `migrate`, the run behind the CLI and the programmatic API (re-exported by src/migrate.ts): the
// CLI's I/O (discovery, reads, the git guard, atomic writes, progress) around the pure engine
// (src/engine). ts-morph, the codemods and tsconfig reading load only once a file has a finding.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Codemod } from '../../codemods/types';
import { rules as pluginRules } from '../../rules/index';
import { DEPENDENCY_RULE, checkPackageJson } from '../engine/dependency-findings';
import type { Engine, MigrationPlan } from '../engine/index';
import { createRuleLinter } from '../engine/lint';
import type { LintResult, LintRule } from '../engine/lint';
import { createPrefilter, ruleNeedles } from '../engine/prefilter';
import type { Needles } from '../engine/prefilter';
import type { FileOutcome } from '../engine/plan-fixes';
import { UsageError, discoverFiles } from './discover';
import { findUncommittedFiles } from './git';
import { createHeapTrimmer } from './heap';
import type { HeapTrimmer } from './heap';
import { buildReport } from './migration-report';
import type { ErrorReport, MigrateReport } from './migration-report';
import { removeLeftoverTemporaryFiles } from './leftovers';
import { scanFiles } from './scan-files';
import { DEFAULT_MAX_FILE_SIZE } from './screen';
import type { WriteChunk } from './atomic-write';
import { UTF8_BOM, decodeSource, describeIoError } from './source-text';
import { readVendoredHelper } from './vendored-helper';
import { writeChanges } from './write-changes';

export { UsageError };
export type { FindingReport, FindingStatus } from '../engine/plan-fixes';
export type { ErrorReport, ExitCode, FileReport, MigrateReport } from './migration-report';

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

function toReportPath(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}

/** The code rules --only keeps, and whether it keeps the package.json rule (which runs apart from them). */
function selectRules(rules: Record<string, LintRule>, only: readonly string[] | undefined): { code: Record<string, LintRule>; dependencies: boolean } {
  if (!only) return { code: rules, dependencies: true };
  const known = [...Object.keys(rules), DEPENDENCY_RULE];
  const unknown = only.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown rule(s) for --only: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return { code: Object.fromEntries(only.filter((name) => name in rules).map((name) => [name, rules[name]])), dependencies: only.includes(DEPENDENCY_RULE) };
}

interface PackageJsonScan {
  paths: readonly string[];
  toReport: (path: string) => string;
  onError: (path: string, message: string) => void;
  onSkipped: (path: string, reason: string) => void;
}

/** Each package.json's legacy-signing dependencies, as outcomes whose text never changes: the writer never gets them. */
async function checkPackageJsonFiles(scan: PackageJsonScan): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const path of scan.paths) {
    let text: string | undefined;
    try {
      text = readRegularFile(path);
    } catch (error) {
      scan.onError(path, `could not be read: ${describeIoError(error)}`);
      continue;
    }
    if (text === undefined) {
      scan.onSkipped(path, 'is not a regular UTF-8 file; its dependencies were not checked');
      continue;
    }
    const checked = await checkPackageJson(path, text);
    if (checked.kind === 'malformed') {
      scan.onSkipped(path, checked.reason);
      continue;
    }
    // Manual findings skip settling, so their suggested edits get report paths here.
    const findings = checked.findings.map((finding) => ({ ...finding, ...(finding.edits ? { edits: finding.edits.map((edit) => ({ ...edit, path: scan.toReport(edit.path) })) } : {}) }));
    if (findings.length > 0) outcomes.push({ path, before: text, after: text, findings, remaining: findings.length });
  }
  return outcomes;
}

/** Every file matches when a rule has no needles: better slow than blind. */
function needlesFor(names: readonly string[], needles: Partial<Record<string, Needles>>): Needles[] {
  return names.map((name) => needles[name] ?? [['']]);
}

/** A file's text when it is a regular file (never through a symlink); undefined otherwise. */
function readRegularFile(path: string, boms?: Map<string, boolean>): string | undefined {
  if (!existsSync(path) || !lstatSync(path).isFile()) return undefined;
  const source = decodeSource(readFileSync(path));
  if (source) boms?.set(path, source.bom);
  return source?.text;
}

/** What is at a path the helper may take: a file's text, '' for anything else, undefined for nothing. */
function readExistingFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  return lstatSync(path).isFile() ? readFileSync(path, 'utf8') : '';
}

interface EngineLoaderOptions {
  options: MigrateOptions;
  rules: Record<string, LintRule>;
  cwd: string;
  /** Files a cross-file fix may edit: exactly the scanned ones (ignored, excluded, symlinked never). */
  scanned: ReadonlySet<string>;
  boms: Map<string, boolean>;
  heap: HeapTrimmer;
}

/** The engine's heavy half (ts-morph, codemods), loaded at the first finding: runs without one never pay for it. */
function createEngineLoader(loader: EngineLoaderOptions) {
  let loading: Promise<Engine> | undefined;
  const { options } = loader;
  const load = async (): Promise<Engine> => {
    const [{ createEngine }, { createProjectHints }, codemods] = await Promise.all([
      import('../engine/index'),
      import('./project-hints'),
      options.codemods ?? import('../../codemods/index').then((module) => module.codemods),
    ]);
    const hints = createProjectHints();
    return createEngine({
      rules: loader.rules,
      codemods,
      annotate: options.annotate,
      helperImport: options.helperImport,
      helperDirectory: options.helperOut === undefined ? undefined : join(loader.cwd, options.helperOut),
      readSibling: (path) => (loader.scanned.has(path) ? readRegularFile(path, loader.boms) : undefined),
      existingText: readExistingFile,
      helperText: (flavor) => readVendoredHelper(flavor, options.vendorDirectory),
      moduleStyleOf: hints.moduleStyleOf,
      compilerHintsOf: hints.compilerHintsOf,
      heap: loader.heap,
      rewriteCheck: options.dryRun ? 'none' : 'fired-rules',
    });
  };
  return {
    engine: (): Promise<Engine> => (loading ??= load()),
    async plan(): Promise<MigrationPlan> {
      return loading ? (await loading).plan() : { files: [], helpers: [], errors: [] };
    },
  };
}

/** Refuses (returns the blocking files) when a file to change has uncommitted changes. */
function refusedFiles(options: MigrateOptions, paths: readonly string[], toReport: (path: string) => string): string[] {
  if (options.dryRun || options.force || paths.length === 0) return [];
  return findUncommittedFiles([...paths]).map(toReport);
}

export async function migrate(options: MigrateOptions = {}): Promise<MigrateReport> {
  const cwd = options.cwd ?? process.cwd();
  const selected = selectRules(options.rules ?? pluginRules, options.only);
  const rules = selected.code;
  const discovery = discoverFiles({ paths: options.paths?.length ? options.paths : ['.'], cwd, ignore: options.ignore });
  const toReport = (path: string) => toReportPath(cwd, path);
  const errors: ErrorReport[] = [];
  const onError = (path: string, message: string) => errors.push({ path: toReport(path), message });
  const boms = new Map<string, boolean>();
  const heap = createHeapTrimmer({ enabled: options.trimHeap ?? false });
  const loader = createEngineLoader({ options, rules, cwd, scanned: new Set(discovery.files), boms, heap });
  const total = discovery.files.length;
  const skipped = discovery.skipped.map((entry) => ({ path: toReport(entry.path), reason: entry.reason }));
  const leftovers = removeLeftoverTemporaryFiles(discovery.temporaryFiles, options.dryRun ?? false).map((entry) => ({ ...entry, path: toReport(entry.path) }));
  const scan = await scanFiles({
    screening: { maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, includeGenerated: options.includeGenerated ?? false },
    onSkipped: (path, reason) => skipped.push({ path: toReport(path), reason }),
    files: discovery.files,
    prefilter: createPrefilter(needlesFor(Object.keys(rules), options.needles ?? ruleNeedles)),
    lintText: createRuleLinter(rules),
    analyse: async (path: string, text: string, linted: LintResult) => (await loader.engine()).analyseLinted(path, text, linted),
    workerRules: options.rules ? undefined : Object.keys(rules),
    workerThreshold: options.workerThreshold,
    trimHeap: options.trimHeap ?? false,
    heap,
    signal: options.signal,
    onProgress: (filesDone, findings) => options.onProgress?.({ phase: 'scan', filesDone, filesTotal: total, findings }),
    onError,
    onSource: (path, source) => boms.set(path, source.bom),
  });
  let interrupted = scan.interrupted;
  const plan = interrupted ? { files: [], helpers: [], errors: [] } : await loader.plan();
  const packageJsonOutcomes = interrupted || !selected.dependencies
    ? []
    : await checkPackageJsonFiles({ paths: discovery.packageJsonFiles, toReport, onError, onSkipped: (path, reason) => skipped.push({ path: toReport(path), reason }) });
  for (const error of plan.errors) onError(error.path, error.message);
  const changed = plan.files.filter((file) => !file.error && file.after !== file.before);
  for (const helper of plan.helpers) options.onChange?.({ path: toReport(helper.path), before: '', after: helper.content, created: true });
  for (const file of changed) options.onChange?.({ path: toReport(file.path), before: file.before, after: file.after, created: false });

  const refused = interrupted ? [] : refusedFiles(options, changed.map((file) => file.path), toReport);
  let written = new Set<string>();
  let helpersWritten = false;
  if (!options.dryRun && !interrupted && refused.length === 0) {
    const findings = plan.files.reduce((sum, file) => sum + file.findings.length, 0);
    const result = await writeChanges({
      helpers: plan.helpers,
      files: changed.map((file) => {
        const bom = boms.get(file.path) ? UTF8_BOM : '';
        return { path: file.path, content: bom + file.after, expected: bom + file.before };
      }),
      signal: options.signal,
      writeChunk: options.writeChunk,
      onWritten: (filesDone, filesTotal) => options.onProgress?.({ phase: 'write', filesDone, filesTotal, findings }),
      onError,
    });
    written = result.written;
    helpersWritten = result.helpersWritten;
    interrupted = result.interrupted;
  }
  return buildReport({
    dryRun: options.dryRun ?? false,
    outcomes: [...plan.files, ...packageJsonOutcomes],
    isChanged: (file) => (options.dryRun ? changed.includes(file) : written.has(file.path)),
    helpers: plan.helpers.map((helper) => toReport(helper.path)),
    helpersWritten,
    written,
    skipped,
    leftovers,
    refused,
    interrupted,
    errors,
    files: total,
    candidates: scan.candidates,
    toReportPath: toReport,
  });
}
