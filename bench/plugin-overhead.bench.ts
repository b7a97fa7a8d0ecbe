// What the plugin adds to an ESLint run with @eslint/js's recommended rules, on files spread evenly
// over this project's node_modules. Three views of it:
// - in process: ESLint's Linter lints each file with every contender in turn (rotating order), so
//   machine noise hits all alike; this is the number the target is judged on;
// - whole process: ESLint's CLI with and without the plugin, interleaved rounds, CPU time;
// - ESLint's own per-rule timing (TIMING=all) of the CLI run with the plugin.
// Target: the plugin adds <= 5% to the run with recommended rules.
// Standalone: node --import tsx bench/plugin-overhead.bench.ts [--quick] [--files N] [--rounds N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import javascript from '@eslint/js';
import { Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import plugin from '../src/index';
import { collectNodeModulesFiles, projectRoot, stageFileList } from './support/corpus';
import { measureInterleaved } from './support/measure';
import { numberOption } from './support/options';

const TARGET_OVERHEAD = 0.05;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;
const ruleNames = Object.keys(plugin.rules);
const requireFromProject = createRequire(join(projectRoot, 'package.json'));
const useDist = existsSync(join(projectRoot, 'dist/index.mjs'));

type RuleLevels = Linter.RulesRecord;

function configWith(rules: RuleLevels, baseRules: RuleLevels = {}): Linter.Config[] {
  return [
    { rules: baseRules },
    {
      files: ['**/*.{js,jsx,mjs,cjs}'],
      plugins: { sigv4: plugin as never },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      rules,
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      files: ['**/*.{ts,tsx,mts,cts}'],
      plugins: { sigv4: plugin as never },
      languageOptions: { parser: typescriptParser as never, ecmaVersion: 'latest', sourceType: 'module' },
      rules,
    },
  ];
}

const recommendedRules = javascript.configs.recommended.rules;
const pluginRules: RuleLevels = plugin.configs.recommended.rules;
const contenders: { name: string; config: Linter.Config[] }[] = [
  { name: '@eslint/js recommended', config: configWith({}, recommendedRules) },
  { name: '@eslint/js recommended + sigv4', config: configWith(pluginRules, recommendedRules) },
  { name: 'no rules (parse and traverse)', config: configWith({}) },
  { name: 'sigv4 only', config: configWith(pluginRules) },
  ...ruleNames.map((name) => ({ name: `sigv4/${name} only`, config: configWith({ [`sigv4/${name}`]: 'error' }) })),
];
const BARE_BASELINE = 2;

/** Nanoseconds each contender spent linting the files that parse, and how many did. */
function lintInProcess(files: readonly string[]): { nanoseconds: bigint[]; parsed: number } {
  const linter = new Linter({ configType: 'flat' });
  const nanoseconds = contenders.map(() => 0n);
  let parsed = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const filename = TYPESCRIPT_FILE.test(path) ? 'file.ts' : path.endsWith('.cjs') ? 'file.cjs' : 'file.js';
    if (linter.verify(text, contenders[BARE_BASELINE]!.config, filename).some((message) => message.fatal)) continue;
    parsed += 1;
    for (let turn = 0; turn < contenders.length; turn += 1) {
      const index = (parsed + turn) % contenders.length;
      const start = process.hrtime.bigint();
      linter.verify(text, contenders[index]!.config, filename);
      nanoseconds[index]! += process.hrtime.bigint() - start;
    }
  }
  return { nanoseconds, parsed };
}

/** ESLint CLI configs: @eslint/js recommended, with or without the plugin's recommended config. */
function cliConfig(withPlugin: boolean): string {
  const pluginUrl = pathToFileURL(join(projectRoot, useDist ? 'dist/index.mjs' : 'src/index.ts')).href;
  const parserUrl = pathToFileURL(requireFromProject.resolve('@typescript-eslint/parser')).href;
  const javascriptUrl = pathToFileURL(requireFromProject.resolve('@eslint/js')).href;
  return `import javascript from '${javascriptUrl}';
import plugin from '${pluginUrl}';
import * as typescriptParser from '${parserUrl}';
const sigv4 = ${withPlugin ? '{ plugins: { sigv4: plugin }, rules: plugin.configs.recommended.rules }' : '{}'};
export default [
  javascript.configs.recommended,
  { files: ['**/*.{js,jsx,mjs,cjs}'], ...sigv4,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], ...sigv4,
    languageOptions: { parser: typescriptParser, ecmaVersion: 'latest', sourceType: 'module' } },
];
`;
}

/** ESLint's TIMING=all table for the run with the plugin: every plugin row, the top of the rest, and the plugin's share. */
function printRuleTiming(args: string[], work: string): void {
  const run = spawnSync(process.execPath, args, { cwd: work, env: { ...process.env, TIMING: 'all' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  const lines = run.stdout.trim().split('\n');
  const rows = lines.slice(2).map((line) => {
    const [rule = '', milliseconds = '0'] = line.split('|').map((cell) => cell.trim());
    return { line, rule, milliseconds: Number(milliseconds) };
  });
  const total = rows.reduce((sum, row) => sum + row.milliseconds, 0);
  const ours = rows.filter((row) => row.rule.startsWith('sigv4/'));
  const oursTotal = ours.reduce((sum, row) => sum + row.milliseconds, 0);
  console.log(`\nESLint TIMING=all, CLI run with the plugin: top 8 rules and every sigv4 rule (${rows.length} rules timed)`);
  console.log([...lines.slice(0, 2), ...rows.filter((row, index) => index < 8 || row.rule.startsWith('sigv4/')).map((row) => row.line)].join('\n'));
  console.log(`sigv4 rules: ${oursTotal.toFixed(1)} ms of ${total.toFixed(1)} ms in all rules (${((oursTotal / total) * 100).toFixed(1)}%)`);
}

const fileCount = numberOption('files', { full: 1000, quick: 60 });
const rounds = numberOption('rounds', { full: 1, quick: 1 });
const candidates = collectNodeModulesFiles().filter((path) => statSync(path).size < 500_000);
// An even spread over all packages: the first N alone would be mostly @aws-sdk, dense in AWS words.
const stride = Math.max(1, Math.floor(candidates.length / fileCount));
const files = candidates.filter((_, index) => index % stride === 0).slice(0, fileCount);

const { nanoseconds, parsed } = lintInProcess(files);
const overheadOver = (index: number, baselineIndex: number) =>
  (Number(nanoseconds[index]!) - Number(nanoseconds[baselineIndex]!)) / Number(nanoseconds[baselineIndex]!);
console.log(`in process: ${parsed} files from node_modules that parse (of ${files.length} read), each linted by every contender in turn`);
contenders.forEach((contender, index) => {
  const seconds = Number(nanoseconds[index]!) / 1e9;
  const baselineIndex = index < BARE_BASELINE ? 0 : BARE_BASELINE;
  const overhead = index === baselineIndex ? '' : `  ${(overheadOver(index, baselineIndex) * 100).toFixed(1).padStart(5)}% over "${contenders[baselineIndex]!.name}"`;
  console.log(`${contender.name.padEnd(40)} ${seconds.toFixed(2).padStart(7)} s${overhead}`);
});

const work = mkdtempSync(join(tmpdir(), 'sigv4-overhead-'));
let wholeProcessOverhead: number;
try {
  const corpus = stageFileList(join(work, 'files'), files);
  writeFileSync(join(work, 'recommended.config.mjs'), cliConfig(false));
  writeFileSync(join(work, 'recommended-sigv4.config.mjs'), cliConfig(true));
  const eslintBin = join(requireFromProject.resolve('eslint/package.json'), '..', 'bin', 'eslint.js');
  const tsxImport = useDist ? [] : ['--import', pathToFileURL(requireFromProject.resolve('tsx')).href];
  const eslintWith = (config: string) => [...tsxImport, eslintBin, '--config', config, '--format', 'json', '--output-file', 'eslint-output.json', 'files'];
  const [without, withPlugin] = measureInterleaved(
    [
      { name: 'eslint @eslint/js recommended', args: eslintWith('recommended.config.mjs') },
      { name: 'eslint @eslint/js recommended + sigv4', args: eslintWith('recommended-sigv4.config.mjs') },
    ],
    rounds,
    work,
    work,
  );
  wholeProcessOverhead = (withPlugin!.cpuSeconds - without!.cpuSeconds) / without!.cpuSeconds;
  console.log(`\nwhole process: ESLint CLI on the same ${corpus.count} files, median CPU of ${rounds} interleaved round(s)`);
  console.log(`${'@eslint/js recommended'.padEnd(40)} ${without!.cpuSeconds.toFixed(2).padStart(7)} s CPU, peak ${without!.peakRssMb.toFixed(0)} MB`);
  console.log(`${'@eslint/js recommended + sigv4'.padEnd(40)} ${withPlugin!.cpuSeconds.toFixed(2).padStart(7)} s CPU, peak ${withPlugin!.peakRssMb.toFixed(0)} MB  ${(wholeProcessOverhead * 100).toFixed(1)}%`);
  printRuleTiming(eslintWith('recommended-sigv4.config.mjs'), work);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const recommendedOverhead = overheadOver(1, 0);
console.log('\n## targets');
console.log(`${recommendedOverhead <= TARGET_OVERHEAD ? 'met   ' : 'MISSED'}  plugin adds <= ${TARGET_OVERHEAD * 100}% to @eslint/js recommended (in process): ${(recommendedOverhead * 100).toFixed(1)}% (whole process: ${(wholeProcessOverhead * 100).toFixed(1)}%)`);
