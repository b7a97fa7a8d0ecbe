// Options every bench understands: `--quick` (or SIGV4_BENCH_QUICK=1) for a seconds-long smoke run on small corpora.
export const QUICK_ENV = 'SIGV4_BENCH_QUICK';

export function isQuick(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--quick') || process.env[QUICK_ENV] === '1';
}

/** The value of `--name N` (or `--name=N`), else the quick or full default. */
export function numberOption(name: string, defaults: { full: number; quick: number }, argv: readonly string[] = process.argv): number {
  const flag = `--${name}`;
  const index = argv.findIndex((argument) => argument === flag || argument.startsWith(`${flag}=`));
  const raw = index < 0 ? undefined : argv[index]!.includes('=') ? argv[index]!.slice(flag.length + 1) : argv[index + 1];
  if (raw === undefined) return isQuick(argv) ? defaults.quick : defaults.full;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} takes a positive number, got ${raw}`);
  return value;
}
