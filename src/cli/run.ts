// The CLI as a function of its arguments and streams: parse flags, run `migrate`, print the diff,
// JSON or listing, and return the exit code. main.ts binds it to the real process.
import packageJson from '../../package.json' with { type: 'json' };
import { UsageError, migrate } from './migration';
import type { MigrateOptions } from './migration';
import { USAGE, parseCliArguments } from './args';
import { unifiedDiff } from './diff';
import { colorEnabled, createPaint, createProgressBar, formatErrors, formatFindings, formatSummary } from './output';
import type { OutputStream } from './output';

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

export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  if (argv[0] === 'explain') return (await import('./explain-command')).runExplainCommand(argv.slice(1), environment);
  const { stdout, stderr } = environment;
  const paintErr = createPaint(colorEnabled(stderr, environment.env));
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

  const showProgress = stderr.isTTY === true && !args.quiet;
  const progress = createProgressBar(stderr, paintErr);
  let report;
  try {
    report = await migrate({
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
      signal: environment.signal,
      trimHeap: true,
      onProgress(update) {
        environment.overrides?.onProgress?.(update);
        if (showProgress) progress.update(update);
      },
      onChange(change) {
        environment.overrides?.onChange?.(change);
        if (args.dryRun && !args.json) stdout.write(unifiedDiff(change.before, change.after, change.path, { newFile: change.created }));
      },
    });
  } catch (error) {
    progress.clear();
    if (error instanceof UsageError) {
      stderr.write(`${paintErr(31, 'error')} ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  progress.clear();

  if (args.json) {
    stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.exitCode;
  }
  // In a dry run stdout carries the diff alone, so it can be piped to `git apply`.
  const listing = args.dryRun ? stderr : stdout;
  const paintListing = args.dryRun ? paintErr : createPaint(colorEnabled(stdout, environment.env));
  listing.write(formatFindings(report, paintListing, args.quiet));
  stderr.write(formatErrors(report, paintErr));
  if (!args.quiet) listing.write(formatSummary(report, paintListing));
  return report.exitCode;
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
