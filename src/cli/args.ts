// Command-line flags (node:util parseArgs) and the --help text, which documents the exit codes.
import { parseArgs } from 'node:util';
import { UsageError } from './discover';
import { DEFAULT_MAX_FILE_SIZE } from './screen';

export type OutputFormat = 'text' | 'json' | 'sarif';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface CliArguments {
  paths: string[];
  dryRun: boolean;
  format: OutputFormat;
  only?: string[];
  annotate: boolean;
  force: boolean;
  helperOut?: string;
  helperImport?: string;
  ignore: string[];
  /** Bytes; 0: no limit. */
  maxFileSize: number;
  includeGenerated: boolean;
  printHelper: boolean;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: sigv4-migrate [options] [paths...]

Finds legacy or broken AWS request signing (SigV2/SigV3, SigV2 presigns, unsorted canonical
queries, presigned PUTs without Content-Type) in .js .jsx .mjs .cjs .ts .tsx .mts .cts files and
rewrites what it can prove safe to Signature Version 4. Paths default to ".". node_modules, .git
and .gitignore'd files are skipped; symlinks are not followed; FIFOs, sockets and devices are
never opened; UTF-16 files are reported, not scanned.

Options:
  --dry-run                Print a unified diff of what would change; write nothing. The
                           vendored helper shows as one line (see --print-helper).
  --print-helper           With --dry-run: print the vendored helper's full text in the diff.
  --format <format>        text (default), json (one JSON report on stdout: schemaVersion, files,
                           findings with end positions and fix edits, totals, skipped files,
                           errors; with --dry-run each file's patch) or sarif (SARIF 2.1.0, for
                           GitHub code scanning and other SARIF consumers).
  --json                   Same as --format json.
  --only <rules>           Run only these rules (comma-separated or repeated; not empty).
  --annotate               Write a "// sigv4-migrate: <what to do>" comment above manual findings.
  --force                  Write even when files to change have uncommitted git changes.
  --helper-out <folder>    Where to write the vendored helper (default: beside the shallowest
                           rewritten file).
  --helper-import <spec>   Import the helper from this package (e.g. sigv4-migrate/sigv4)
                           instead of vendoring it; warns when the nearest package.json has
                           that package only in devDependencies, or not at all.
  --ignore <glob>          Skip files matching this gitignore-style glob (repeatable).
  --max-file-size <size>   Skip (and report) files larger than this: bytes, or with KB/MB
                           (default 2MB; 0 for no limit).
  --include-generated      Also scan files that look minified or generated (bundles); they are
                           skipped and reported by default.
  --quiet                  Print only manual findings and errors.
  -h, --help               Show this help.
  -v, --version            Show the version.

Exit codes:
  0    nothing left to do (skipped files alone do not change it)
  1    changes pending (--dry-run) or findings that need manual work
  2    usage error, or refused to write (uncommitted changes; use --force)
  3    a file could not be processed or written, e.g. a full disk or a file edited during the
       run (it is left unchanged, or whole); also an internal error
  130  interrupted (Ctrl-C): every file is either unchanged or fully rewritten

Files are replaced by a rename of a complete, verified temp file (.<name>.sigv4-migrate-<pid>-
<hex>.tmp; a later run removes those a killed run left). A file with several hard links, or a
symlink, is reported and left unchanged rather than split or replaced. Run as root, a rewritten
file keeps its owner.

Environment: NO_COLOR disables colours, FORCE_COLOR forces them.
`;

export function parseCliArguments(argv: readonly string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        format: { type: 'string' },
        'print-helper': { type: 'boolean', default: false },
        'max-file-size': { type: 'string' },
        'include-generated': { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
        annotate: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'helper-out': { type: 'string' },
        'helper-import': { type: 'string' },
        ignore: { type: 'string', multiple: true, default: [] },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values['helper-out'] !== undefined && values['helper-import'] !== undefined) {
    throw new UsageError('--helper-out and --helper-import exclude each other');
  }
  const only = values.only?.flatMap((entry) => entry.split(',')).map((name) => name.trim().replace(/^sigv4\//, '')).filter(Boolean);
  // `--only ''` (an unset variable in a script) must not turn into "every rule, and write".
  if (only && only.length === 0) throw new UsageError('--only needs at least one rule name');
  if (values['print-helper'] && !values['dry-run']) throw new UsageError('--print-helper works with --dry-run');
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    dryRun: values['dry-run'],
    format: parseFormat(values.format, values.json),
    only,
    annotate: values.annotate,
    force: values.force,
    helperOut: values['helper-out'],
    helperImport: values['helper-import'],
    ignore: values.ignore,
    maxFileSize: values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(values['max-file-size']),
    includeGenerated: values['include-generated'],
    printHelper: values['print-helper'],
    quiet: values.quiet,
    help: values.help,
    version: values.version,
  };
}

function parseFormat(format: string | undefined, json: boolean): OutputFormat {
  if (format === undefined) return json ? 'json' : 'text';
  if (!FORMATS.includes(format as OutputFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${JSON.stringify(format)})`);
  if (json && format !== 'json') throw new UsageError(`--json and --format ${format} exclude each other`);
  return format as OutputFormat;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 };

/** `2MB`, `512k`, `100000`: bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new UsageError(`--max-file-size must be a size such as 2MB, 512KB or 100000 (got ${JSON.stringify(text)})`);
  return Math.round(Number(match[1]) * unit);
}
