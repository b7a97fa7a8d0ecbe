// Command-line flags (node:util parseArgs) and the --help text, which documents the exit codes.
import { parseArgs } from 'node:util';
import { UsageError } from './discover';

export interface CliArguments {
  paths: string[];
  dryRun: boolean;
  json: boolean;
  only?: string[];
  annotate: boolean;
  force: boolean;
  helperOut?: string;
  helperImport?: string;
  ignore: string[];
  quiet: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: sigv4-migrate [options] [paths...]

Finds legacy or broken AWS request signing (SigV2/SigV3, SigV2 presigns, unsorted canonical
queries, presigned PUTs without Content-Type) in .js .jsx .mjs .cjs .ts .tsx .mts .cts files and
rewrites what it can prove safe to Signature Version 4. Paths default to ".". node_modules, .git
and .gitignore'd files are skipped; symlinks are not followed.

Options:
  --dry-run                Print a unified diff of what would change; write nothing.
  --json                   Print one JSON report on stdout (files, findings, totals, errors).
  --only <rules>           Run only these rules (comma-separated or repeated).
  --annotate               Write a "// sigv4-migrate: <what to do>" comment above manual findings.
  --force                  Write even when files to change have uncommitted git changes.
  --helper-out <folder>    Where to write the vendored helper (default: beside the shallowest
                           rewritten file).
  --helper-import <spec>   Import the helper from this package (e.g. sigv4-migrate/sigv4)
                           instead of vendoring it.
  --ignore <glob>          Skip files matching this gitignore-style glob (repeatable).
  --quiet                  Print only manual findings and errors.
  -h, --help               Show this help.
  -v, --version            Show the version.

Exit codes:
  0    nothing left to do
  1    changes pending (--dry-run) or findings that need manual work
  2    usage error, or refused to write (uncommitted changes; use --force)
  3    a file could not be processed (it is left unchanged)
  130  interrupted (Ctrl-C): every file is either unchanged or fully rewritten

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
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    dryRun: values['dry-run'],
    json: values.json,
    only: only && only.length > 0 ? only : undefined,
    annotate: values.annotate,
    force: values.force,
    helperOut: values['helper-out'],
    helperImport: values['helper-import'],
    ignore: values.ignore,
    quiet: values.quiet,
    help: values.help,
    version: values.version,
  };
}
