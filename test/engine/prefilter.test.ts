// The prefilter never hides a finding: every case the rules' own tests expect a report for, and
// every `// expect:` line of the realistic corpus, passes that rule's needles.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { RunTests } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index';
import type { RuleName } from '../../rules/index';
import { createPrefilter, ruleNeedles } from '../../src/engine/prefilter';

const testDirectory = join(import.meta.dirname, '..');
const ruleNames = Object.keys(rules) as RuleName[];

/**
 * Each rule test file's `run(…)` calls, recorded instead of run (they run in their own test files).
 * A suite a rule test file declares besides them runs here once more.
 */
async function collectInvalidCases(): Promise<{ rule: RuleName; name: string; code: string }[]> {
  const recorded: { rule: RuleName; name: string; code: string }[] = [];
  const originalRun = RuleTester.prototype.run;
  RuleTester.prototype.run = function record(runName: string, _rule: unknown, tests: RunTests<string, readonly unknown[]>) {
    const rule = ruleNames.find((name) => runName === name || runName.startsWith(`${name} `));
    assert.ok(rule, `a run named after a rule: ${runName}`);
    tests.invalid.forEach((test, index) => recorded.push({ rule, name: test.name ?? `${runName} #${index}`, code: test.code }));
  };
  try {
    for (const name of readdirSync(join(testDirectory, 'rules')).filter((file) => file.endsWith('.test.ts')).sort()) {
      await import(join(testDirectory, 'rules', name));
    }
  } finally {
    RuleTester.prototype.run = originalRun;
  }
  return recorded;
}

/** `file:line` locations (relative to test/corpus) the rules miss today, from the corpus baseline. */
function baselinedCorpusMisses(directory: string): Set<string> {
  const baseline = JSON.parse(readFileSync(join(directory, 'baseline.json'), 'utf8')) as Record<string, { missed: string[] }>;
  return new Set(Object.entries(baseline).flatMap(([rule, outcome]) => outcome.missed.map((location) => `${rule}@${location}`)));
}

/**
 * Corpus files with the rules their `// expect:` markers name; a marker the rule misses today
 * (baselined in test/corpus/baseline.json) is left out until the rule finds it.
 */
function collectCorpusExpectations(
  directory = join(testDirectory, 'corpus'),
  root = directory,
  misses = baselinedCorpusMisses(root),
): { path: string; source: string; rules: Set<string> }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return collectCorpusExpectations(path, root, misses);
    if (!/\.[cm]?[jt]sx?$/.test(entry.name)) return [];
    const source = readFileSync(path, 'utf8');
    const location = relative(root, path).split(sep).join('/');
    const expected = source.split(/\r?\n/).flatMap((text, index) => {
      const marker = /(?:\/\/|\/\*)\s*expect:\s*([\w/,\s-]+?)\s*(?:\*\/\s*\}?)?\s*$/.exec(text);
      return (marker?.[1]?.split(',') ?? [])
        .map((name) => name.trim().replace('sigv4/', ''))
        .filter((name) => name !== '' && !misses.has(`${name}@${location}:${index + 1}`));
    });
    return [{ path, source, rules: new Set(expected) }];
  });
}

// Collected before any suite starts, so suites the imported files declare stay top-level.
const invalidCases = await collectInvalidCases();

describe('needles against the rules', () => {
  it('every invalid case of the rules\' tests passes its rule\'s needles', () => {
    const cases = invalidCases;
    for (const rule of ruleNames) assert.ok(cases.some((test) => test.rule === rule), `invalid cases recorded for ${rule}`);
    const missed = cases.filter((test) => !createPrefilter([ruleNeedles[test.rule]])(test.code)).map((test) => `${test.rule}: ${test.name}`);
    assert.deepEqual(missed, []);
  });

  it('every corpus file passes the needles of each rule it expects', () => {
    const files = collectCorpusExpectations();
    assert.ok(files.some((file) => file.rules.size > 0), 'the corpus has expectations');
    const missed = files.flatMap((file) =>
      [...file.rules]
        .filter((rule) => !createPrefilter([ruleNeedles[rule as RuleName]])(file.source))
        .map((rule) => `${rule}: ${file.path}`),
    );
    assert.deepEqual(missed, []);
  });
});
