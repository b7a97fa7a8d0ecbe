// `sigv4-migrate --dry-run` over the JS/TS files of this project's node_modules, against ESLint
// (its own CLI) running only the plugin's rules on the same files, and against parsing each file
// with ts-morph. Each contender is its own process, timed from spawn to exit, with its peak RSS.
// Standalone: node --import tsx bench/cli.bench.ts [--files N]   (uses dist/ when built, else sources)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { collectNodeModulesFiles, projectRoot } from './support/node-modules-files';

interface Measurement {
  name: string;
  seconds: number;
  /** User + system CPU time of the process (all its threads): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  peakRssMb: number;
}

const requireFromProject = createRequire(join(projectRoot, 'package.json'));

/** Copies the files flat into <work>/files: no node_modules or .gitignore to skip them, same bytes. */
function stageFiles(work: string, limit: number): { count: number; bytes: number } {
  const files = collectNodeModulesFiles().filter((path) => statSync(path).size < 2_000_000).slice(0, limit);
  mkdirSync(join(work, 'files'));
  let bytes = 0;
  files.forEach((path, index) => {
    copyFileSync(path, join(work, 'files', `${index}-${basename(path)}`));
    bytes += statSync(path).size;
  });
  return { count: files.length, bytes };
}

/** Scripts the contenders need: a peak-RSS reporter preloaded into each, ESLint's config, the ts-morph loop. */
function writeHarness(work: string, useDist: boolean): void {
  writeFileSync(
    join(work, 'report-rss.mjs'),
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const usage = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime })); });\n",
  );
  const pluginUrl = pathToFileURL(join(projectRoot, useDist ? 'dist/index.mjs' : 'src/index.ts')).href;
  const parserUrl = pathToFileURL(requireFromProject.resolve('@typescript-eslint/parser')).href;
  writeFileSync(
    join(work, 'eslint.config.mjs'),
    `// The parsers the CLI uses: espree for JavaScript, the TypeScript parser for TypeScript.
import plugin from '${pluginUrl}';
import * as typescriptParser from '${parserUrl}';
const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => ['sigv4/' + name, 'error']));
export default [
  { files: ['**/*.{js,jsx,mjs,cjs}'], plugins: { sigv4: plugin }, rules,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], plugins: { sigv4: plugin }, rules,
    languageOptions: { parser: typescriptParser, ecmaVersion: 'latest', sourceType: 'module' } },
];
`,
  );
  const tsMorphUrl = pathToFileURL(requireFromProject.resolve('ts-morph')).href;
  writeFileSync(
    join(work, 'ts-morph-parse.mjs'),
    `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsMorph from '${tsMorphUrl}';
const project = new tsMorph.Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } });
const directory = process.argv[2];
for (const name of readdirSync(directory)) project.createSourceFile('/' + name, readFileSync(join(directory, name), 'utf8')).getStatements();
`,
  );
}

function measure(name: string, work: string, args: string[]): Measurement {
  const rssFile = join(work, `${name}.rss`);
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(join(work, 'report-rss.mjs')).href, ...args], {
    cwd: work,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  // sigv4-migrate exits 1 (changes or findings) and ESLint 1 (problems): both are normal here.
  if (child.status !== 0 && child.status !== 1) throw new Error(`${name} failed (exit ${child.status}): ${child.stderr.slice(-2000)}`);
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number };
  return { name, seconds, cpuSeconds: usage.cpu / 1e6, peakRssMb: usage.maxRSS / 1024 };
}

const { values } = parseArgs({ options: { files: { type: 'string', default: '6000' } } });
const useDist = existsSync(join(projectRoot, 'dist/cli.mjs')) && existsSync(join(projectRoot, 'dist/index.mjs'));
const tsx = pathToFileURL(requireFromProject.resolve('tsx')).href;
const work = mkdtempSync(join(tmpdir(), 'sigv4-bench-'));
try {
  const staged = stageFiles(work, Number(values.files));
  writeHarness(work, useDist);
  const cli = useDist ? [join(projectRoot, 'dist/cli.mjs')] : ['--import', tsx, join(projectRoot, 'src/cli/main.ts')];
  const eslintBin = join(requireFromProject.resolve('eslint/package.json'), '..', 'bin', 'eslint.js');
  console.log(`${staged.count} files from node_modules, ${(staged.bytes / 1e6).toFixed(1)} MB (${useDist ? 'dist build' : 'sources through tsx: build first for real numbers'})`);
  const results = [
    measure('sigv4-migrate --dry-run', work, [...cli, '--dry-run', '--json', 'files']),
    measure('eslint (plugin rules only)', work, [...(useDist ? [] : ['--import', tsx]), eslintBin, '--config', 'eslint.config.mjs', '--format', 'json', 'files']),
    measure('ts-morph parse', work, [join(work, 'ts-morph-parse.mjs'), 'files']),
  ];
  const ours = results[0]!;
  for (const result of results) {
    const filesPerSecond = Math.round(staged.count / result.seconds);
    const ratio = result === ours ? '' : `  ours is ${(result.seconds / ours.seconds).toFixed(1)}x faster (${(result.cpuSeconds / ours.cpuSeconds).toFixed(1)}x in CPU time)`;
    console.log(`${result.name.padEnd(28)} ${result.seconds.toFixed(2).padStart(7)} s (CPU ${result.cpuSeconds.toFixed(2).padStart(6)} s) ${String(filesPerSecond).padStart(7)} files/s  peak RSS ${result.peakRssMb.toFixed(0).padStart(5)} MB${ratio}`);
  }
  const eslintRatio = results[1]!.seconds / ours.seconds;
  console.log(`targets: >= 10x faster than ESLint: ${eslintRatio >= 10 ? 'met' : 'NOT met'} (${eslintRatio.toFixed(1)}x); peak RSS < 300 MB: ${ours.peakRssMb < 300 ? 'met' : 'NOT met'} (${ours.peakRssMb.toFixed(0)} MB)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
