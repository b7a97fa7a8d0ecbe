// The whole-file text gates inside ESLint never hide a finding: every invalid case of the gated
// rules' tests (and every corpus file expecting them) passes its rule's gate, and a file without
// the words gets no listener at all.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { RunTests } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { PUT_TEXT_GATES } from '../../../rules/presigned-put-content-type';
import { PRESIGN_TEXT_GATE } from '../../../rules/require-sigv4-presign';

const GATES: Readonly<Record<string, (text: string) => boolean>> = {
  'require-sigv4-presign': (text) => PRESIGN_TEXT_GATE.test(text),
  'presigned-put-content-type': (text) => PUT_TEXT_GATES.every((gate) => gate.test(text)),
};
const gatedRules = Object.keys(GATES);
const rulesDirectory = join(import.meta.dirname, '..');

/** The invalid cases of the gated rules' `run(…)` calls, recorded instead of run. */
async function collectInvalidCases(): Promise<{ rule: string; name: string; code: string }[]> {
  const recorded: { rule: string; name: string; code: string }[] = [];
  const originalRun = RuleTester.prototype.run;
  RuleTester.prototype.run = function record(runName: string, _rule: unknown, tests: RunTests<string, readonly unknown[]>) {
    const rule = gatedRules.find((name) => runName === name || runName.startsWith(`${name} `));
    if (!rule) return;
    tests.invalid.forEach((test, index) => recorded.push({ rule, name: test.name ?? `${runName} #${index}`, code: test.code }));
  };
  try {
    const files = readdirSync(rulesDirectory).filter((file) => gatedRules.some((rule) => file.startsWith(`${rule}.`) || file.startsWith(`${rule}-`)));
    for (const file of files.sort()) await import(join(rulesDirectory, file));
  } finally {
    RuleTester.prototype.run = originalRun;
  }
  return recorded;
}

const corpusDirectory = join(rulesDirectory, '..', 'corpus');

/** `file:line` locations the rule misses today (test/corpus/baseline.json): not yet the gate's to pass. */
function baselinedMisses(rule: string): Set<string> {
  const baseline = JSON.parse(readFileSync(join(corpusDirectory, 'baseline.json'), 'utf8')) as Record<string, { missed: string[] }>;
  return new Set(baseline[rule]?.missed ?? []);
}

/** Lines of `source` whose `// expect:` marker names the rule. */
function expectingLines(source: string, rule: string): number[] {
  const marker = new RegExp(`//\\s*expect:[^\\n]*\\b${rule}\\b`);
  return source.split('\n').flatMap((line, index) => (marker.test(line) ? [index + 1] : []));
}

/** Corpus files with a line the rule is expected to find and does (its misses are baselined). */
function corpusFilesExpecting(rule: string, directory = corpusDirectory, misses = baselinedMisses(rule)): { path: string; source: string }[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return corpusFilesExpecting(rule, path, misses);
    if (!/\.[cm]?[jt]sx?$/.test(entry.name)) return [];
    const source = readFileSync(path, 'utf8');
    const location = relative(corpusDirectory, path).split(sep).join('/');
    return expectingLines(source, rule).some((line) => !misses.has(`${location}:${line}`)) ? [{ path, source }] : [];
  });
}

const invalidCases = await collectInvalidCases();

describe('whole-file text gates', () => {
  for (const rule of gatedRules) {
    it(`${rule}: every invalid case passes the gate`, () => {
      const cases = invalidCases.filter((test) => test.rule === rule);
      assert.ok(cases.length > 20, `invalid cases recorded for ${rule}`);
      const missed = cases.filter((test) => !GATES[rule]!(test.code)).map((test) => test.name);
      assert.deepEqual(missed, []);
    });

    it(`${rule}: every corpus file expecting it passes the gate`, () => {
      const missed = corpusFilesExpecting(rule).filter((file) => !GATES[rule]!(file.source)).map((file) => file.path);
      assert.deepEqual(missed, []);
    });
  }

  it('a file without the words gets no listener', async () => {
    const { rules } = await import('../../../rules/index');
    const linter = new Linter({ configType: 'flat' });
    const source = 'export const total = items.reduce((sum, item) => sum + item.price, 0);';
    for (const rule of gatedRules) {
      let listenerCount = -1;
      const original = rules[rule as keyof typeof rules];
      const probe = {
        ...original,
        create(context: Parameters<typeof original.create>[0]) {
          const listeners = (original.create as (c: typeof context) => Record<string, unknown>)(context);
          listenerCount = Object.keys(listeners).length;
          return listeners;
        },
      };
      linter.verify(source, [{ plugins: { probe: { rules: { [rule]: probe as never } } }, rules: { [`probe/${rule}`]: 'error' } }]);
      assert.equal(listenerCount, 0, rule);
    }
  });
});
