// Stages the benches' corpora in a folder of your choice and keeps them, for profiling by hand:
//   node --import tsx bench/stage-corpus.ts <folder> [--large N]
//   node --cpu-prof dist/cli.mjs --dry-run --json <folder>/mixed-corpus > /dev/null
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { stageMixedCorpus, stageNodeModulesCorpus } from './support/corpus';
import { numberOption } from './support/options';

const folder = process.argv[2];
if (!folder || folder.startsWith('--')) throw new Error('usage: bench/stage-corpus.ts <folder> [--large N]');
mkdirSync(resolve(folder), { recursive: true });
for (const corpus of [stageNodeModulesCorpus(resolve(folder)), stageMixedCorpus(resolve(folder), numberOption('large', { full: 20_000, quick: 300 }))]) {
  console.log(`${corpus.directory}: ${corpus.count} files, ${(corpus.bytes / 1e6).toFixed(1)} MB`);
}
