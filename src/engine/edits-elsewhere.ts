// Lists an accepted fix in each other file it edits (the module that builds the client), so the
// report names both places: the presign that needed the fix, and the construction it changed.
import { SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { relativeSpecifier } from '../../codemods/utils/file-paths';
import type { TextEdit } from '../../codemods/types';
import { fixedReport } from './manual-items';
import type { FindingEdit } from './plan-fixes';
import { pendingFor } from './planning-state';
import type { PlanningState } from './planning-state';

/** The finding a fix was accepted for, as its own report names it. */
export interface FixOrigin {
  rule: string;
  line: number;
  message: string;
  action?: string;
}

export function reportedEdits(edits: readonly TextEdit[]): FindingEdit[] {
  return edits.map((edit) => ({ path: edit.filePath, start: edit.start, end: edit.end, text: edit.text }));
}

/** 1-based line and column of `offset` in `text`, as lint reports them. */
function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * Where an edit of another file is reported: the `new …(…)` it sits in, or that reads the options
 * variable it sits in (the client it changes); else the edit itself.
 */
function siteOfEdit(state: PlanningState, path: string, text: string, offset: number): { line: number; column: number } {
  const edited = [...state.siblings].find((sibling) => sibling.getFilePath() === path)?.getDescendantAtPos(offset);
  const options = edited?.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const construction =
    edited?.getFirstAncestorByKind(SyntaxKind.NewExpression) ??
    edited?.getSourceFile().getDescendantsOfKind(SyntaxKind.NewExpression).find((candidate) => options !== undefined && candidate.getArguments()[0]?.getText() === options.getName());
  return lineAndColumnAt(text, construction ? construction.getStart() : offset);
}

/** Once per file and line, however many presigns share the edit. */
export function recordEditsElsewhere(state: PlanningState, sourceFile: SourceFile, edits: readonly TextEdit[], texts: Map<string, string>, origin: FixOrigin): void {
  const from = sourceFile.getFilePath();
  for (const path of new Set(edits.map((edit) => edit.filePath).filter((filePath) => filePath !== from))) {
    const text = texts.get(path);
    if (text === undefined) continue;
    const fileEdits = edits.filter((edit) => edit.filePath === path);
    const start = Math.min(...fileEdits.map((edit) => edit.start));
    const { line, column } = siteOfEdit(state, path, text, start);
    const sibling = pendingFor(state, path, text);
    if (sibling.findings.some((finding) => finding.rule === origin.rule && finding.line === line && finding.status === 'fixed')) continue;
    const site = { rule: origin.rule, line, column, endLine: line, endColumn: column, message: origin.message };
    sibling.findings.push({
      ...fixedReport(site, origin.action, reportedEdits(fileEdits)),
      editFor: `${relativeSpecifier(path, from)}:${origin.line}`,
    });
  }
}
