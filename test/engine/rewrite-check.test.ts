// The re-lint of rewritten files (issue 12): a dry run skips it, a real run runs only the rules
// that fired in the file, and still catches a rewrite that does not parse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Codemod } from '../../codemods/types';
import type { LintRule } from '../../src/engine/lint';
import { migrate } from '../../src/migrate';
import { createProject, createVendorDirectory, legacySignRule, manualSignRule, testEngine } from '../cli/support/engine-fixtures';

const vendorDirectory = createVendorDirectory();

/** Wraps rules so each counts the files it is run on. */
function countingRules(rules: Record<string, LintRule>): { rules: Record<string, LintRule>; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const counted = Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, {
    ...rule,
    create(context: unknown) {
      runs.set(name, (runs.get(name) ?? 0) + 1);
      return rule.create(context);
    },
  }]));
  return { rules: counted, runs };
}

describe('engine: checking rewrites', () => {
  const files = { 'a.cjs': 'legacySign(1);\n', 'b.cjs': 'manualSign(2);\n' };

  it('a dry run lints each candidate once and reports the manual findings as remaining', async () => {
    const { rules, runs } = countingRules({ 'legacy-sign': legacySignRule, 'manual-sign': manualSignRule });
    const report = await migrate({ cwd: createProject(files), vendorDirectory, ...testEngine, rules, dryRun: true, annotate: true });
    assert.deepEqual(Object.fromEntries(runs), { 'legacy-sign': 2, 'manual-sign': 2 });
    assert.deepEqual(report.files.map((file) => [file.path, file.changed, file.remaining]), [['a.cjs', true, 0], ['b.cjs', true, 1]]);
  });

  it('a real run re-lints a rewritten file with the rules that fired in it only', async () => {
    const { rules, runs } = countingRules({ 'legacy-sign': legacySignRule, 'manual-sign': manualSignRule });
    const report = await migrate({ cwd: createProject(files), vendorDirectory, ...testEngine, rules, annotate: true });
    assert.deepEqual(Object.fromEntries(runs), { 'legacy-sign': 3, 'manual-sign': 3 });
    assert.deepEqual(report.files.map((file) => [file.path, file.changed, file.remaining]), [['a.cjs', true, 0], ['b.cjs', true, 1]]);
  });

  it('a real run leaves a rewrite that does not parse unchanged and reports it', async () => {
    const breaking: Codemod = ({ finding, sourceFile }) => ({ kind: 'fixed', edits: [{ filePath: sourceFile.getFilePath(), start: finding.range[0], end: finding.range[1], text: '(((' }] });
    const root = createProject({ 'a.cjs': 'legacySign(1);\n' });
    const report = await migrate({ cwd: root, vendorDirectory, ...testEngine, codemods: { 'legacy-sign': breaking } });
    assert.equal(report.totals.filesChanged, 0);
    assert.match(report.errors[0]?.message ?? '', /^the rewritten file does not parse/);
  });
});
