// Manual items are listed once (issue 9 §3), fixed findings all stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutDuplicateManualItems } from '../../src/engine/manual-items';
import type { FindingReport } from '../../src/engine/plan-fixes';

const item = (line: number, status: FindingReport['status'], message: string, rule = 'r'): FindingReport => ({ rule, line, column: 1, endLine: line, endColumn: 2, status, message });

describe('withoutDuplicateManualItems', () => {
  it('keeps the first of the same rule saying the same on the same line', () => {
    const reports = [item(1, 'manual', 'do x'), item(1, 'manual', 'do x'), item(1, 'manual', 'do y'), item(2, 'manual', 'do x'), item(1, 'manual', 'do x', 'other')];
    assert.deepEqual(withoutDuplicateManualItems(reports), [reports[0], reports[2], reports[3], reports[4]]);
  });

  it('never drops a fixed finding', () => {
    const reports = [item(1, 'fixed', 'done'), item(1, 'fixed', 'done')];
    assert.deepEqual(withoutDuplicateManualItems(reports), reports);
  });
});
