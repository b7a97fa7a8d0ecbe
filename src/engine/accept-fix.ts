// Accepts a codemod's fix into the plan: its edits join each file's pending edits unless they
// overlap edits accepted earlier (the finding is then reported as a collision, to fix on a next run).
import type { SourceFile } from 'ts-morph';
import { findOverlap } from '../../codemods/utils/apply-edits';
import type { TextEdit } from '../../codemods/types';
import { recordEditsElsewhere, reportedEdits } from './edits-elsewhere';
import { fixedReport } from './manual-items';
import type { ReportSite } from './manual-items';
import type { FindingReport } from './plan-fixes';
import { pendingFor, textsInView } from './planning-state';
import type { PendingFile, PlanningState } from './planning-state';

export const COLLIDES = 'Its automatic fix collides with another fix here: run sigv4-migrate again.';

/** True when every edit lies inside a text in view and none overlaps an edit accepted earlier. */
function editsFit(state: PlanningState, byFile: Map<string, TextEdit[]>, texts: Map<string, string>): boolean {
  for (const [path, fileEdits] of byFile) {
    const text = texts.get(path);
    if (text === undefined) return false;
    if (fileEdits.some((edit) => edit.start < 0 || edit.end > text.length || edit.start > edit.end)) return false;
  }
  for (const [path, fileEdits] of byFile) {
    if (findOverlap([...(state.pending.get(path)?.edits ?? []), ...fileEdits])) return false;
  }
  return true;
}

/** Accepts a fixed outcome's edits unless they overlap edits accepted earlier; true when accepted. */
function acceptEdits(state: PlanningState, edits: readonly TextEdit[], texts: Map<string, string>): boolean {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.filePath, [...(byFile.get(edit.filePath) ?? []), edit]);
  if (!editsFit(state, byFile, texts)) return false;
  for (const [path, fileEdits] of byFile) pendingFor(state, path, texts.get(path)!).edits.push(...fileEdits);
  return true;
}

/** The fixed report of a fix whose edits were accepted (also listed in the other files it edits); undefined when they collide. */
export function acceptFix(state: PlanningState, sourceFile: SourceFile, file: PendingFile, site: ReportSite, fix: { edits: TextEdit[]; note?: string }): FindingReport | undefined {
  const texts = textsInView(state, sourceFile, file);
  if (!acceptEdits(state, fix.edits, texts)) return undefined;
  recordEditsElsewhere(state, sourceFile, fix.edits, texts, { ...site, action: fix.note });
  return fixedReport(site, fix.note, reportedEdits(fix.edits));
}
