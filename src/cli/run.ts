// The CLI as a function of its arguments and streams: parse flags, run `migrate`, print the diff,
// the JSON or SARIF document or the listing, and return the exit code. main.ts binds it to the
// real process.
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { packageJsonRules, rules as pluginRules } from '../../rules/index';
import { UsageError, migrate } from './migration';
import type { FileChange, MigrateOptions, MigrateReport } from './migration';
import { USAGE, parseCliArguments } from './args';
import type { CliArguments } from './args';
import { colorizeDiff, helperSummaryLine, unifiedDiff } from './diff';
import { checkHelperImport } from './helper-import-check';
import type { HelperImportWarning } from './helper-import-check';
import { colorEnabled, createPaint, createProgressBar, formatErrors, formatFindings, formatSkipped, formatSummary } from './output';
import type { OutputStream, Paint } from './output';
import { toSarif } from './sarif';

/** Version of the `--format json` document; raised when a field changes meaning or goes away. */
export const JSON_SCHEMA_VERSION = 3;

export interface CliEnvironment {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl-C: the run stops between two files. */
  signal?: AbortSignal;
  /** Internal (tests): rules, codemods, needles or vendored helper folder to use instead of the real ones. */
  overrides?: Pick<MigrateOptions, 'rules' | 'codemods' | 'needles' | 'vendorDirectory' | 'onChange' | 'onProgress'>;
}

type ProgressBar = ReturnType<typeof createProgressBar>;

/** The parsed arguments; or, for a usage error, --help or --version, the exit code once answered. */
function parseArgumentsOrAnswer(argv: readonly string[], environment: CliEnvironment, paintErr: Paint): CliArguments | number {
  const { stdout, stderr } = environment;
  let args;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    stderr.write(`${paintErr(31, 'error')} ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    stdout.write(USAGE);
    return 0;
  }
  if (args.version) {
    stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  return args;
}

/** What a run's callbacks feed: the progress bar (drawn on a terminal) and each dry-run patch by path (for the JSON document). */
interface RunListeners {
  progress: ProgressBar;
  patches: Map<string, string>;
}

/** `migrate`'s options for the parsed arguments, its callbacks feeding the progress bar and the dry-run diff. */
function migrateOptionsFor(args: CliArguments, environment: CliEnvironment, { progress, patches }: RunListeners): MigrateOptions {
  const showProgress = environment.stderr.isTTY === true && !args.quiet;
  const paintDiff = createPaint(colorEnabled(environment.stdout, environment.env));
  return {
    ...environment.overrides,
    paths: args.paths,
    cwd: environment.cwd,
    dryRun: args.dryRun,
    only: args.only,
    annotate: args.annotate,
    force: args.force,
    helperOut: args.helperOut,
    helperImport: args.helperImport,
    ignore: args.ignore,
    maxFileSize: args.maxFileSize,
    includeGenerated: args.includeGenerated,
    signal: environment.signal,
    trimHeap: true,
    onProgress(update) {
      environment.overrides?.onProgress?.(update);
      if (showProgress) progress.update(update);
    },
    onChange(change) {
      environment.overrides?.onChange?.(change);
      if (args.dryRun) patches.set(change.path, unifiedDiff(change.before, change.after, change.path, { newFile: change.created }));
      if (args.dryRun && args.format === 'text') environment.stdout.write(dryRunText(change, args, paintDiff));
    },
  };
}

export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  if (argv[0] === 'explain') return (await import('./explain-command')).runExplainCommand(argv.slice(1), environment);
  const paintErr = createPaint(colorEnabled(environment.stderr, environment.env));
  const args = parseArgumentsOrAnswer(argv, environment, paintErr);
  if (typeof args === 'number') return args;
  const patches = new Map<string, string>();
  const progress = createProgressBar(environment.stderr, paintErr);
  let report;
  try {
    report = await migrate(migrateOptionsFor(args, environment, { progress, patches }));
  } catch (error) {
    progress.clear();
    if (error instanceof UsageError) {
      environment.stderr.write(`${paintErr(31, 'error')} ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  progress.clear();

  printReport(report, args, environment, patches);
  return report.exitCode;
}

/** Prints the finished run as --format asks: a JSON or SARIF document, or the human listing. */
function printReport(report: MigrateReport, args: CliArguments, environment: CliEnvironment, patches: ReadonlyMap<string, string>): void {
  const { stdout, stderr } = environment;
  const warnings = helperImportWarnings(report, args, environment.cwd);
  if (args.format === 'json') {
    stdout.write(`${JSON.stringify(jsonDocument(report, warnings, args.dryRun ? patches : undefined), null, 2)}\n`);
    return;
  }
  if (args.format === 'sarif') {
    // The package.json rule runs whatever code rules are given: its findings need their rule too.
    const rules = selectedRules({ ...(environment.overrides?.rules ?? pluginRules), ...packageJsonRules }, args.only);
    stdout.write(`${JSON.stringify(toSarif(report, { rules, version: packageJson.version, cwd: environment.cwd, warnings }), null, 2)}\n`);
    return;
  }
  const paintErr = createPaint(colorEnabled(stderr, environment.env));
  // In a dry run stdout carries the diff alone, so it can be piped to `git apply`.
  const listing = args.dryRun ? stderr : stdout;
  const paintListing = args.dryRun ? paintErr : createPaint(colorEnabled(stdout, environment.env));
  listing.write(formatFindings(report, paintListing, args.quiet));
  if (!args.quiet) listing.write(formatSkipped(report, paintListing));
  stderr.write(formatErrors(report, paintErr));
  for (const warning of warnings) stderr.write(`${paintErr(33, 'warning')} ${warning.message}\n`);
  if (!args.quiet) listing.write(formatSummary(report, paintListing));
}

/** A dry run's stdout for one change: its patch, or one line for the vendored helper. */
function dryRunText(change: FileChange, args: CliArguments, paint: Paint): string {
  if (change.created && !args.printHelper) return helperSummaryLine(change.path, change.after);
  return colorizeDiff(unifiedDiff(change.before, change.after, change.path, { newFile: change.created }), paint);
}

function selectedRules<T>(rules: Record<string, T>, only: readonly string[] | undefined): Record<string, T> {
  return only ? Object.fromEntries(Object.entries(rules).filter(([name]) => only.includes(name))) : rules;
}

function helperImportWarnings(report: MigrateReport, args: CliArguments, cwd: string): HelperImportWarning[] {
  if (!args.helperImport) return [];
  const rewritten = report.files.filter((file) => file.changed || file.findings.some((finding) => finding.status !== 'manual'));
  return checkHelperImport(args.helperImport, rewritten.map((file) => join(cwd, file.path)), cwd);
}

/** The `--format json` document: the report with its schema version, warnings and (dry run) patches. */
function jsonDocument(report: MigrateReport, warnings: readonly HelperImportWarning[], patches: ReadonlyMap<string, string> | undefined) {
  const withPatch = <T extends { path: string }>(entry: T) => (patches ? { ...entry, patch: patches.get(entry.path) ?? '' } : entry);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    ...report,
    files: report.files.map(withPatch),
    helper: report.helper.map(withPatch),
    warnings,
  };
}

/**
 * Runs the CLI in this process: the first Ctrl-C stops the run between two files (exit 130), a
 * second one exits at once (writes are atomic renames, so every file is still old or new).
 */
export function startCli(argv: readonly string[], overrides?: CliEnvironment['overrides']): void {
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  });
  // A reader that closes early (`sigv4-migrate --dry-run | head`) ends the run as Ctrl-C would,
  // instead of crashing with EPIPE half-way.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    controller.abort();
  });
  runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal, overrides }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`sigv4-migrate: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
