// Manual work is listed once per thing to do (issue 9 §3): the same rule saying the same thing on
// the same line (two reports on one node, or one value reached twice) is one item.
import type { FindingReport } from './plan-fixes';

export function withoutDuplicateManualItems(reports: readonly FindingReport[]): FindingReport[] {
  const seen = new Set<string>();
  return reports.filter((report) => {
    if (report.status !== 'manual') return true;
    const key = `${report.rule}\n${report.line}\n${report.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
