// `npm run bench [-- --quick]`: runs every bench/*.bench.ts in turn, each in its own process so one
// JIT state cannot skew another. `--quick` (or SIGV4_BENCH_QUICK=1) is a smoke run on small corpora
// and leaves out the helper's signing bench, which has no small mode.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUICK_ENV, isQuick } from './support/options';

const quick = isQuick();
const QUICK_SKIPPED = new Set(['sigv4.bench.ts']);
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts') && !(quick && QUICK_SKIPPED.has(name)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}${quick ? ' (quick)' : ''}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url)), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: quick ? { ...process.env, [QUICK_ENV]: '1' } : process.env,
  });
  if (run.status !== 0) {
    failed++;
    console.error(`${file} failed (exit ${run.status ?? run.signal})`);
  }
}
if (files.length === 0) console.log('no bench/*.bench.ts files found');
process.exitCode = failed > 0 ? 1 : 0;
