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
import type { Discovery } from './discover';
import { findUncommittedFiles } from './git';
import { createHeapTrimmer } from './heap';
import type { HeapTrimmer } from './heap';
import { buildReport } from './migration-report';
import type { ErrorReport, MigrateReport } from './migration-report';
import { removeLeftoverTemporaryFiles } from './leftovers';
import { scanFiles } from './scan-files';
import type { ScanResult } from './scan-files';
import { DEFAULT_MAX_FILE_SIZE } from './screen';
import type { WriteChunk } from './atomic-write';
import { UTF8_BOM, decodeSource, describeIoError } from './source-text';
import { readVendoredHelper } from './vendored-helper';
import { writeChanges } from './write-changes';
import type { WriteResult } from './write-changes';

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

type EngineLoader = ReturnType<typeof createEngineLoader>;

/** What the steps of one run share: how paths are reported, and what the run collects on the way. */
interface MigrationRun {
  options: MigrateOptions;
  toReport: (path: string) => string;
  errors: ErrorReport[];
  skipped: { path: string; reason: string }[];
  /** Files read with a UTF-8 byte order mark, which their rewrite keeps. */
  boms: Map<string, boolean>;
  heap: HeapTrimmer;
}

function startRun(options: MigrateOptions, cwd: string, discovery: Discovery): MigrationRun {
  const toReport = (path: string) => toReportPath(cwd, path);
  return {
    options,
    toReport,
    errors: [],
    skipped: discovery.skipped.map((entry) => ({ path: toReport(entry.path), reason: entry.reason })),
    boms: new Map(),
    heap: createHeapTrimmer({ enabled: options.trimHeap ?? false }),
  };
}

function reportError(run: MigrationRun, path: string, message: string): void {
  run.errors.push({ path: run.toReport(path), message });
}

function reportSkipped(run: MigrationRun, path: string, reason: string): void {
  run.skipped.push({ path: run.toReport(path), reason });
}

/** Screens, prefilters and lints every discovered file; the engine plans the fixes of each file with findings. */
function scanDiscoveredFiles(run: MigrationRun, files: readonly string[], rules: Record<string, LintRule>, loader: EngineLoader): Promise<ScanResult> {
  const { options } = run;
  return scanFiles({
    screening: { maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, includeGenerated: options.includeGenerated ?? false },
    onSkipped: (path, reason) => reportSkipped(run, path, reason),
    files,
    prefilter: createPrefilter(needlesFor(Object.keys(rules), options.needles ?? ruleNeedles)),
    lintText: createRuleLinter(rules),
    analyse: async (path: string, text: string, linted: LintResult) => (await loader.engine()).analyseLinted(path, text, linted),
    workerRules: options.rules ? undefined : Object.keys(rules),
    workerThreshold: options.workerThreshold,
    trimHeap: options.trimHeap ?? false,
    heap: run.heap,
    signal: options.signal,
    onProgress: (filesDone, findings) => options.onProgress?.({ phase: 'scan', filesDone, filesTotal: files.length, findings }),
    onError: (path, message) => reportError(run, path, message),
    onSource: (path, source) => run.boms.set(path, source.bom),
  });
}

interface PlannedRun {
  plan: MigrationPlan;
  packageJsonOutcomes: FileOutcome[];
  /** The planned files whose text changes (and whose rewrite parsed). */
  changed: FileOutcome[];
}

/**
 * The engine's plan and the findings of `packageJsonFiles` (undefined when --only leaves their rule
 * out; nothing once interrupted); each change is told to `onChange`, for diffs.
 */
async function planRun(run: MigrationRun, loader: EngineLoader, interrupted: boolean, packageJsonFiles: readonly string[] | undefined): Promise<PlannedRun> {
  const plan = interrupted ? { files: [], helpers: [], errors: [] } : await loader.plan();
  const packageJsonOutcomes = interrupted || !packageJsonFiles
    ? []
    : await checkPackageJsonFiles({ paths: packageJsonFiles, toReport: run.toReport, onError: (path, message) => reportError(run, path, message), onSkipped: (path, reason) => reportSkipped(run, path, reason) });
  for (const error of plan.errors) reportError(run, error.path, error.message);
  const changed = plan.files.filter((file) => !file.error && file.after !== file.before);
  for (const helper of plan.helpers) run.options.onChange?.({ path: run.toReport(helper.path), before: '', after: helper.content, created: true });
  for (const file of changed) run.options.onChange?.({ path: run.toReport(file.path), before: file.before, after: file.after, created: false });
  return { plan, packageJsonOutcomes, changed };
}

/** Refuses (returns the blocking files) when a file to change has uncommitted changes. */
function refusedFiles(options: MigrateOptions, paths: readonly string[], toReport: (path: string) => string): string[] {
  if (options.dryRun || options.force || paths.length === 0) return [];
  return findUncommittedFiles([...paths]).map(toReport);
}

/** Writes the helpers and the changed files (each with the byte order mark it was read with), reporting progress. */
function writePlannedChanges(run: MigrationRun, { plan, changed }: PlannedRun): Promise<WriteResult> {
  const { options } = run;
  const findings = plan.files.reduce((sum, file) => sum + file.findings.length, 0);
  return writeChanges({
    helpers: plan.helpers,
    files: changed.map((file) => {
      const bom = run.boms.get(file.path) ? UTF8_BOM : '';
      return { path: file.path, content: bom + file.after, expected: bom + file.before };
    }),
    signal: options.signal,
    writeChunk: options.writeChunk,
    onWritten: (filesDone, filesTotal) => options.onProgress?.({ phase: 'write', filesDone, filesTotal, findings }),
    onError: (path, message) => reportError(run, path, message),
  });
}

export async function migrate(options: MigrateOptions = {}): Promise<MigrateReport> {
  const cwd = options.cwd ?? process.cwd();
  const selected = selectRules(options.rules ?? pluginRules, options.only);
  const rules = selected.code;
  const discovery = discoverFiles({ paths: options.paths?.length ? options.paths : ['.'], cwd, ignore: options.ignore });
  const run = startRun(options, cwd, discovery);
  const loader = createEngineLoader({ options, rules, cwd, scanned: new Set(discovery.files), boms: run.boms, heap: run.heap });
  const leftovers = removeLeftoverTemporaryFiles(discovery.temporaryFiles, options.dryRun ?? false).map((entry) => ({ ...entry, path: run.toReport(entry.path) }));
  const scan = await scanDiscoveredFiles(run, discovery.files, rules, loader);
  const planned = await planRun(run, loader, scan.interrupted, selected.dependencies ? discovery.packageJsonFiles : undefined);
  const { plan, changed } = planned;
  const refused = scan.interrupted ? [] : refusedFiles(options, changed.map((file) => file.path), run.toReport);
  const writes: WriteResult = options.dryRun || scan.interrupted || refused.length > 0
    ? { written: new Set(), helpersWritten: false, interrupted: scan.interrupted }
    : await writePlannedChanges(run, planned);
  return buildReport({
    dryRun: options.dryRun ?? false,
    outcomes: [...plan.files, ...planned.packageJsonOutcomes],
    isChanged: (file) => (options.dryRun ? changed.includes(file) : writes.written.has(file.path)),
    helpers: plan.helpers.map((helper) => run.toReport(helper.path)),
    helpersWritten: writes.helpersWritten,
    written: writes.written,
    skipped: run.skipped,
    leftovers,
    refused,
    interrupted: writes.interrupted,
    errors: run.errors,
    files: discovery.files.length,
    candidates: scan.candidates,
    toReportPath: run.toReport,
  });
}
