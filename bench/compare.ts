// A/B of CLI builds or settings on one staged corpus (see stage-corpus.ts), interleaved rounds,
// median CPU and wall, highest peak RSS; ratios against the first variant:
//   node --import tsx bench/compare.ts <corpus folder> [--rounds N] 'label=path/to/cli.mjs[ ENV=value ...][ --node-flag ...]' ...
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureInterleaved } from './support/measure';
import type { Contender } from './support/measure';
import { numberOption } from './support/options';

/**
 * `label=cli.mjs A=1 --node-flag` → a contender running `node --node-flag cli.mjs --dry-run --json <corpus>`
 * with A=1 in its environment.
 */
function parseVariant(spec: string, corpus: string): Contender {
  const [head = '', ...settings] = spec.split(' ');
  const [name = '', cli = ''] = head.split('=');
  const nodeFlags = settings.filter((setting) => setting.startsWith('--'));
  const env = Object.fromEntries(settings.filter((setting) => !setting.startsWith('--')).map((setting) => setting.split('=') as [string, string]));
  return { name, args: [...nodeFlags, resolve(cli), '--dry-run', '--json', corpus], env, printsJson: true };
}

const [corpusArgument, ...rest] = process.argv.slice(2);
if (!corpusArgument) throw new Error("usage: bench/compare.ts <corpus folder> [--rounds N] 'label=cli.mjs [ENV=value ...]' ...");
const corpus = resolve(corpusArgument);
const rounds = numberOption('rounds', { full: 3, quick: 1 });
const specs = rest.filter((argument, index) => !argument.startsWith('--') && !rest[index - 1]?.startsWith('--rounds'));
const variants = specs.map((spec) => parseVariant(spec, corpus));
const work = mkdtempSync(join(tmpdir(), 'sigv4-compare-'));
try {
  const costs = measureInterleaved(variants, rounds, work, work);
  const first = costs[0]!;
  console.log(`${corpus}: median of ${rounds} interleaved round(s)`);
  variants.forEach((variant, index) => {
    const cost = costs[index]!;
    console.log(
      `${variant.name.padEnd(24)} CPU ${cost.cpuSeconds.toFixed(2).padStart(7)} s (${(cost.cpuSeconds / first.cpuSeconds).toFixed(3)})  wall ${cost.wallSeconds.toFixed(2).padStart(7)} s (${(cost.wallSeconds / first.wallSeconds).toFixed(3)})  peak RSS ${cost.peakRssMb.toFixed(0).padStart(5)} MB`,
    );
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
