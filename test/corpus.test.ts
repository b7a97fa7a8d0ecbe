// Lints every realistic file in test/corpus/ with all of the plugin's rules and compares the reports
// with the `// expect: <rule>[, <rule>]` markers at line ends; prints found / missed / false positives
// per rule and fails when they differ from test/corpus/baseline.json in either direction.
// Accept the current outcome as the new baseline: UPDATE_CORPUS_BASELINE=1 node --import tsx --test test/corpus.test.ts
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { rules } from '../rules/index';
import plugin from '../src/index';

const CORPUS_DIR = join(import.meta.dirname, 'corpus');
const BASELINE_PATH = join(CORPUS_DIR, 'baseline.json');
const NAMESPACE = 'sigv4';
const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
const CORPUS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', ...TYPESCRIPT_EXTENSIONS]);
const ruleNames = Object.keys(rules).sort();

/** One rule's results over the corpus, each location as `file:line`. */
interface RuleOutcome {
  found: string[];
  missed: string[];
  falsePositives: string[];
}
type Baseline = Record<string, { missed: string[]; falsePositives: string[] }>;

interface CorpusFile {
  path: string;
  source: string;
}

function listCorpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listCorpusFiles(path);
    return CORPUS_EXTENSIONS.has(extname(entry.name)) ? [relative(CORPUS_DIR, path).split(sep).join('/')] : [];
  });
}

// `// expect: a, b` or, inside JSX, `{/* expect: a */}` at the end of a line.
const EXPECT_MARKER = /(?:\/\/|\/\*)\s*expect:\s*([\w/,\s-]+?)\s*(?:\*\/\s*\}?)?\s*$/;

/** Rule names (without `sigv4/`) each marked line expects, by 1-based line number. */
function readExpectations(source: string): Map<number, string[]> {
  const expectations = new Map<number, string[]>();
  source.split(/\r?\n/).forEach((text, index) => {
    const marker = EXPECT_MARKER.exec(text);
    if (!marker?.[1]) return;
    const names = marker[1].split(',').map((name) => name.trim().replace(`${NAMESPACE}/`, ''));
    expectations.set(index + 1, names.filter((name) => name !== ''));
  });
  return expectations;
}

/** CommonJS unless the file uses ESM syntax: how Node itself decides for an ambiguous `.js`. */
function detectSourceType(path: string, source: string): 'module' | 'commonjs' {
  const extension = extname(path);
  if (extension === '.cjs' || extension === '.cts') return 'commonjs';
  if (extension === '.mjs' || extension === '.mts') return 'module';
  return /^\s*(?:import|export)\b/m.test(source) ? 'module' : 'commonjs';
}

/** The parser users would lint the file with: typescript-eslint for TS, espree (default) for JS. */
function createConfig(file: CorpusFile): Linter.Config[] {
  const extension = extname(file.path);
  const jsx = extension === '.jsx' || extension === '.tsx';
  const languageOptions: Linter.LanguageOptions = {
    parser: TYPESCRIPT_EXTENSIONS.has(extension) ? (tsParser as Linter.Parser) : (espree as Linter.Parser),
    ecmaVersion: 'latest',
    sourceType: detectSourceType(file.path, file.source),
    parserOptions: { ecmaFeatures: { jsx } },
  };
  return [
    {
      files: [`**/*${extension}`],
      // typescript-eslint types the plugin; ESLint's Plugin type is the same object at run time.
      plugins: { [NAMESPACE]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: Object.fromEntries(ruleNames.map((name) => [`${NAMESPACE}/${name}`, 'error'])),
      languageOptions,
      // Real-world files carry `eslint-env` and disable comments for rules not loaded here; and the
      // baseline, not an inline comment, is where an accepted miss or false positive is recorded.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
  ];
}

const linter = new Linter();

function lintCorpusFile(file: CorpusFile): Linter.LintMessage[] {
  return linter.verify(file.source, createConfig(file), { filename: file.path });
}

/** Lines each rule reported on (a report counts at its start line). */
function linesReportedByRule(messages: Linter.LintMessage[]): Map<string, Set<number>> {
  const lines = new Map<string, Set<number>>();
  for (const message of messages) {
    if (!message.ruleId?.startsWith(`${NAMESPACE}/`)) continue;
    const name = message.ruleId.slice(NAMESPACE.length + 1);
    lines.set(name, (lines.get(name) ?? new Set()).add(message.line));
  }
  return lines;
}

function compareWithExpectations(files: CorpusFile[], reports: Map<string, Linter.LintMessage[]>): Map<string, RuleOutcome> {
  const outcomes = new Map<string, RuleOutcome>(ruleNames.map((name) => [name, { found: [], missed: [], falsePositives: [] }]));
  for (const file of files) {
    const expectations = readExpectations(file.source);
    const reported = linesReportedByRule(reports.get(file.path) ?? []);
    for (const [name, outcome] of outcomes) {
      const reportedLines = reported.get(name) ?? new Set<number>();
      for (const [line, expected] of expectations) {
        if (expected.includes(name)) (reportedLines.has(line) ? outcome.found : outcome.missed).push(`${file.path}:${line}`);
      }
      for (const line of reportedLines) {
        if (!expectations.get(line)?.includes(name)) outcome.falsePositives.push(`${file.path}:${line}`);
      }
    }
  }
  for (const outcome of outcomes.values()) {
    for (const locations of Object.values(outcome)) locations.sort(compareLocations);
  }
  return outcomes;
}

function compareLocations(a: string, b: string): number {
  const [fileA = '', lineA = '0'] = a.split(':');
  const [fileB = '', lineB = '0'] = b.split(':');
  return fileA === fileB ? Number(lineA) - Number(lineB) : fileA < fileB ? -1 : 1;
}

function formatOutcome(name: string, outcome: RuleOutcome): string {
  const list = (label: string, locations: string[]) =>
    locations.length === 0 ? [] : [`    ${label}:`, ...locations.map((location) => `      ${location}`)];
  return [
    `  ${NAMESPACE}/${name}: found ${outcome.found.length}, missed ${outcome.missed.length}, false positives ${outcome.falsePositives.length}`,
    ...list('missed', outcome.missed),
    ...list('false positives', outcome.falsePositives),
  ].join('\n');
}

function readBaseline(): Baseline {
  return JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as Baseline;
}

/** What changed against the baseline, in words a failing test can show. */
function describeDrift(label: string, actual: string[], allowed: string[]): string[] {
  const added = actual.filter((location) => !allowed.includes(location));
  const gone = allowed.filter((location) => !actual.includes(location));
  return [
    ...added.map((location) => `new ${label}: ${location}`),
    ...gone.map((location) => `baselined ${label} no longer happens (remove it from baseline.json): ${location}`),
  ];
}

const corpusFiles: CorpusFile[] = listCorpusFiles(CORPUS_DIR)
  .sort()
  .map((path) => ({ path, source: readFileSync(join(CORPUS_DIR, path), 'utf8') }));
const reports = new Map(corpusFiles.map((file) => [file.path, lintCorpusFile(file)]));
const outcomes = compareWithExpectations(corpusFiles, reports);

function outcomeOf(name: string): RuleOutcome {
  const outcome = outcomes.get(name);
  assert.ok(outcome, `no outcome for ${name}`);
  return outcome;
}

if (process.env.UPDATE_CORPUS_BASELINE) {
  const baseline: Baseline = Object.fromEntries(
    ruleNames.map((name) => [name, { missed: outcomeOf(name).missed, falsePositives: outcomeOf(name).falsePositives }]),
  );
  writeFileSync(BASELINE_PATH, `${JSON.stringify(baseline, null, 2)}\n`);
}

describe('corpus', () => {
  after(() => {
    console.log(`corpus: ${corpusFiles.length} files\n${ruleNames.map((name) => formatOutcome(name, outcomeOf(name))).join('\n')}`);
  });

  it('holds corpus files for every rule, with marked findings', () => {
    for (const name of ruleNames) {
      const outcome = outcomeOf(name);
      assert.ok(outcome.found.length + outcome.missed.length > 0, `no line in test/corpus expects ${name}`);
    }
  });

  it('marks only rules the plugin has', () => {
    const unknown = corpusFiles.flatMap((file) =>
      [...readExpectations(file.source)].flatMap(([line, names]) =>
        names.filter((name) => !ruleNames.includes(name)).map((name) => `${file.path}:${line}: ${name}`),
      ),
    );
    assert.deepEqual(unknown, [], 'expect markers name unknown rules');
  });

  it('parses every corpus file', () => {
    const fatal = corpusFiles.flatMap((file) =>
      (reports.get(file.path) ?? []).filter((message) => message.fatal).map((message) => `${file.path}:${message.line}: ${message.message}`),
    );
    assert.deepEqual(fatal, []);
  });

  it('has a baseline entry for exactly the plugin rules', () => {
    assert.deepEqual(Object.keys(readBaseline()).sort(), ruleNames);
  });

  for (const name of ruleNames) {
    it(`${NAMESPACE}/${name}: misses and false positives match baseline.json`, () => {
      const outcome = outcomeOf(name);
      const allowed = readBaseline()[name] ?? { missed: [], falsePositives: [] };
      const drift = [
        ...describeDrift('miss', outcome.missed, allowed.missed),
        ...describeDrift('false positive', outcome.falsePositives, allowed.falsePositives),
      ];
      assert.deepEqual(drift, [], `${formatOutcome(name, outcome)}\n${drift.join('\n')}`);
    });
  }
});
