// `sigv4-migrate --dry-run` against ESLint (its own CLI) running only the plugin's rules, against a
// ts-morph parse of every file, and against a plain read of every file; on the node_modules corpus
// and on a seeded mix of at least 20k files. Each contender is its own process (wall time, CPU
// time, peak RSS), contenders take turns in interleaved rounds, and ratios are against the CLI.
// Standalone: node --import tsx bench/cli.bench.ts [--quick] [--rounds N] [--files N] [--large N]
//   [--peers-only] (uses dist/ when built, else the sources through tsx; --peers-only leaves out the
//   ts-morph and plain-read floors, for repeated rounds of the two peers). SIGV4_BENCH_BASELINE_CLI=<path to another
//   build's cli.mjs> adds that build as a contender, for a before/after under the same machine load.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { filesTheCliSkips, literalGlob } from './support/cli-skips';
import { projectRoot, stageMixedCorpus, stageNodeModulesCorpus } from './support/corpus';
import type { Corpus } from './support/corpus';
import { measureInterleaved } from './support/measure';
import type { Contender, ProcessCost } from './support/measure';
import { numberOption } from './support/options';

const TARGET_ESLINT_RATIO = 10;
const TARGET_PEAK_RSS_MB = 300;
const BASELINE_ENV = 'SIGV4_BENCH_BASELINE_CLI';

const requireFromProject = createRequire(join(projectRoot, 'package.json'));
const useDist = existsSync(join(projectRoot, 'dist/cli.mjs')) && existsSync(join(projectRoot, 'dist/index.mjs'));
const tsxImport = useDist ? [] : ['--import', pathToFileURL(requireFromProject.resolve('tsx')).href];

/**
 * ESLint's config with the parsers the CLI uses (espree for JavaScript, the TypeScript parser for
 * TypeScript), ignoring the files the CLI skips (`ignored`, relative to the work folder).
 */
function eslintConfig(ignored: readonly string[]): string {
  const pluginUrl = pathToFileURL(join(projectRoot, useDist ? 'dist/index.mjs' : 'src/index.ts')).href;
  const parserUrl = pathToFileURL(requireFromProject.resolve('@typescript-eslint/parser')).href;
  return `import plugin from '${pluginUrl}';
import * as typescriptParser from '${parserUrl}';
const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => ['sigv4/' + name, 'error']));
export default [
  { ignores: ${JSON.stringify(ignored.map(literalGlob))} },
  { files: ['**/*.{js,jsx,mjs,cjs}'], plugins: { sigv4: plugin }, rules,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], plugins: { sigv4: plugin }, rules,
    languageOptions: { parser: typescriptParser, ecmaVersion: 'latest', sourceType: 'module' } },
];
`;
}

/** The floor contenders: read every file, or also parse it with ts-morph (forgetting each tree, as the CLI does). */
function walkerScript(): string {
  const tsMorphUrl = pathToFileURL(requireFromProject.resolve('ts-morph')).href;
  return `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const [mode, root] = process.argv.slice(2);
const project = mode === 'ts-morph'
  ? new (await import('${tsMorphUrl}')).default.Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } })
  : undefined;
let characters = 0;
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  characters += text.length;
  if (project) project.removeSourceFile(project.createSourceFile(join('/', entry.parentPath, entry.name), text));
}
if (characters === 0) process.exitCode = 2;
`;
}

function contendersFor(corpus: Corpus, work: string): Contender[] {
  const target = relative(work, corpus.directory);
  const cli = useDist ? [join(projectRoot, 'dist/cli.mjs')] : [...tsxImport, join(projectRoot, 'src/cli/main.ts')];
  const eslintBin = join(requireFromProject.resolve('eslint/package.json'), '..', 'bin', 'eslint.js');
  const baseline = process.env[BASELINE_ENV];
  return [
    { name: 'sigv4-migrate --dry-run', args: [...cli, '--dry-run', '--json', target], printsJson: true },
    { name: 'eslint (plugin rules only)', args: [...tsxImport, eslintBin, '--config', 'eslint.config.mjs', '--format', 'json', target], printsJson: true },
    ...(process.argv.includes('--peers-only')
      ? []
      : [
          { name: 'ts-morph parse', args: ['walk.mjs', 'ts-morph', target] },
          { name: 'plain read', args: ['walk.mjs', 'read', target] },
        ]),
    ...(baseline ? [{ name: 'baseline CLI --dry-run', args: [resolve(baseline), '--dry-run', '--json', target], printsJson: true }] : []),
  ];
}

function formatRow(name: string, cost: ProcessCost, ours: ProcessCost, count: number): string {
  const ratios = cost === ours ? '' : `${(cost.wallSeconds / ours.wallSeconds).toFixed(2).padStart(7)}x ${(cost.cpuSeconds / ours.cpuSeconds).toFixed(2).padStart(7)}x`;
  return [
    name.padEnd(28),
    cost.wallSeconds.toFixed(2).padStart(8),
    cost.cpuSeconds.toFixed(2).padStart(8),
    String(Math.round(count / cost.cpuSeconds)).padStart(9),
    cost.peakRssMb.toFixed(0).padStart(9),
    ratios,
  ].join(' ');
}

interface Verdict {
  target: string;
  met: boolean;
  measured: string;
}

/** Measures one corpus, prints its table, and returns its verdicts. */
function benchCorpus(corpus: Corpus, work: string, rounds: number, checkRss: boolean): Verdict[] {
  const skipped = filesTheCliSkips(corpus.directory, work);
  writeFileSync(join(work, 'eslint.config.mjs'), eslintConfig(skipped.paths));
  const contenders = contendersFor(corpus, work);
  const costs = measureInterleaved(contenders, rounds, work, work);
  const ours = costs[0]!;
  console.log(`\n## ${corpus.name}: ${corpus.count} files, ${(corpus.bytes / 1e6).toFixed(1)} MB; median of ${rounds} interleaved round(s)`);
  console.log(`ESLint ignores the ${skipped.paths.length} files (${(skipped.bytes / 1e6).toFixed(1)} MB) the CLI skips as generated, minified or UTF-16`);
  console.log(`${'contender'.padEnd(28)}   wall s    CPU s  files/CPUs  peak MB  wall/CLI  CPU/CLI`);
  contenders.forEach((contender, index) => console.log(formatRow(contender.name, costs[index]!, ours, corpus.count)));
  const eslint = costs[1]!;
  const cpuRatio = eslint.cpuSeconds / ours.cpuSeconds;
  const verdicts: Verdict[] = [
    {
      target: `${corpus.name}: CLI >= ${TARGET_ESLINT_RATIO}x cheaper than ESLint (CPU)`,
      met: cpuRatio >= TARGET_ESLINT_RATIO,
      measured: `${cpuRatio.toFixed(2)}x CPU, ${(eslint.wallSeconds / ours.wallSeconds).toFixed(2)}x wall`,
    },
  ];
  if (checkRss) {
    verdicts.push({ target: `${corpus.name}: CLI peak RSS < ${TARGET_PEAK_RSS_MB} MB`, met: ours.peakRssMb < TARGET_PEAK_RSS_MB, measured: `${ours.peakRssMb.toFixed(0)} MB` });
  }
  return verdicts;
}

const rounds = numberOption('rounds', { full: 1, quick: 1 });
const work = mkdtempSync(join(tmpdir(), 'sigv4-bench-'));
try {
  writeFileSync(join(work, 'walk.mjs'), walkerScript());
  console.log(useDist ? 'CLI and plugin from dist/' : 'CLI and plugin from the sources through tsx: build first for real numbers');
  const nodeModules = stageNodeModulesCorpus(work, numberOption('files', { full: Infinity, quick: 150 }));
  const verdicts = benchCorpus(nodeModules, work, rounds, false);
  rmSync(nodeModules.directory, { recursive: true, force: true });
  const mixed = stageMixedCorpus(work, numberOption('large', { full: 20_000, quick: 300 }));
  verdicts.push(...benchCorpus(mixed, work, rounds, true));
  console.log('\n## targets');
  for (const verdict of verdicts) console.log(`${verdict.met ? 'met   ' : 'MISSED'}  ${verdict.target}: ${verdict.measured}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
