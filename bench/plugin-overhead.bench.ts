// What the plugin adds to an ESLint run: ESLint's Linter over this project's node_modules JS/TS
// files with @eslint/js's recommended rules, without and with the plugin's `configs.recommended`,
// and the same with no other rules at all (the plugin's cost against parsing alone). Contenders
// take turns on each file, in a rotating order, so machine noise and caches hit all alike.
// Target: the plugin adds <= 5% to the run with recommended rules.
// Standalone: node --import tsx bench/plugin-overhead.bench.ts [--files N]
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import javascript from '@eslint/js';
import { Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import plugin from '../src/index';
import { collectNodeModulesFiles } from './support/node-modules-files';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1500' } } });
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;
const ruleNames = Object.keys(plugin.rules);

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

const candidates = collectNodeModulesFiles().filter((path) => statSync(path).size < 500_000);
// An even spread over all packages: the first N alone would be mostly @aws-sdk, dense in AWS words.
const stride = Math.max(1, Math.floor(candidates.length / Number(values.files)));
const files = candidates.filter((_, index) => index % stride === 0).slice(0, Number(values.files));
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

const overheadOver = (index: number, baselineIndex: number) =>
  (Number(nanoseconds[index]!) - Number(nanoseconds[baselineIndex]!)) / Number(nanoseconds[baselineIndex]!);
console.log(`${parsed} files from node_modules that parse (of ${files.length} read), each linted by every contender in turn`);
contenders.forEach((contender, index) => {
  const seconds = Number(nanoseconds[index]!) / 1e9;
  const baselineIndex = index < BARE_BASELINE ? 0 : BARE_BASELINE;
  const overhead = index === baselineIndex ? '' : `  ${(overheadOver(index, baselineIndex) * 100).toFixed(1).padStart(5)}% over "${contenders[baselineIndex]!.name}"`;
  console.log(`${contender.name.padEnd(40)} ${seconds.toFixed(2).padStart(7)} s${overhead}`);
});
const recommendedOverhead = overheadOver(1, 0);
console.log(`target: the plugin adds <= 5%: ${recommendedOverhead <= 0.05 ? 'met' : 'NOT met'} (${(recommendedOverhead * 100).toFixed(1)}%)`);
