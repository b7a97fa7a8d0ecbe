// What a run's report says of each finding once the writes are done: a fix is `fixed` only when
// every file it edits was written; otherwise it `would-fix` (dry run, refusal, write error).
import type { FindingReport } from '../engine/plan-fixes';

export function settleFindings(findings: readonly FindingReport[], written: ReadonlySet<string>, toReportPath: (path: string) => string): FindingReport[] {
  return findings.map((finding) => {
    if (finding.status === 'manual') return finding;
    const edits = finding.edits ?? [];
    const applied = edits.length > 0 && edits.every((edit) => written.has(edit.path));
    return {
      ...finding,
      status: applied ? 'fixed' : 'would-fix',
      edits: edits.map((edit) => ({ ...edit, path: toReportPath(edit.path) })),
    };
  });
}
