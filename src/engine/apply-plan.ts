// The planning stage's end: each file's accepted edits plus its helper import, applied once per
// file in the file's own line endings, and the rewrite linted again (it must parse; what is left).
import { applyTextEdits } from '../../codemods/utils/apply-edits';
import type { TextEdit } from '../../codemods/types';
import type { createRewriteChecker } from './check-rewrite';
import type { FileOutcome } from './plan-fixes';
import type { PendingFile, PlanningState } from './planning-state';

type CheckRewrite = ReturnType<typeof createRewriteChecker>;

/** Where each file imports the helper from, given its path and text. */
export type SpecifierFor = (path: string, text: string) => string;

/**
 * The line ending in use where an edit goes: the first one at or after `offset` (the line the edit
 * joins), else the last one before it; `\n` in a file of one line. Mixed files keep each line's
 * own ending, CR-only files keep CR.
 */
export function lineEndingAt(text: string, offset: number): string {
  const after = /\r\n|\r|\n/g;
  after.lastIndex = offset;
  const next = after.exec(text);
  if (next) return next[0];
  const last = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
  if (last === -1) return '\n';
  if (text[last] === '\r') return '\r';
  return text[last - 1] === '\r' ? '\r\n' : '\n';
}

/** The edits with their line breaks written as the file writes them where each goes. */
function inLineEndingsOf(text: string, edits: readonly TextEdit[]): TextEdit[] {
  return edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r\n|\r|\n/g, lineEndingAt(text, edit.start)) }));
}

/** Applies the edits and re-lints the result into `outcome`; a rewrite that does not parse leaves the file as it was. */
function rewriteFile(state: PlanningState, checkRewrite: CheckRewrite, outcome: FileOutcome, file: PendingFile, edits: TextEdit[]): void {
  try {
    const after = applyTextEdits(file.before, edits);
    state.options.heap?.willParse(after.length);
    const relinted = checkRewrite(outcome.path, after, new Set(file.findings.map((finding) => finding.rule)));
    state.options.heap?.parsed(after.length);
    if (relinted.kind === 'fatal') {
      outcome.error = `the rewritten file does not parse (${relinted.message}); left unchanged`;
    } else {
      outcome.after = after;
      if (relinted.kind === 'parsed') outcome.remaining = relinted.findings.length + file.manualAcrossFiles;
    }
  } catch (error) {
    outcome.error = `${(error as Error).message}; left unchanged`;
  }
}

function finishFile(state: PlanningState, checkRewrite: CheckRewrite, specifierFor: SpecifierFor, path: string, file: PendingFile): FileOutcome {
  const imports = state.helperImports.get(path);
  const importEdit = imports?.needsImport ? imports.renderEdit(specifierFor(path, file.before)) : undefined;
  const edits = inLineEndingsOf(file.before, importEdit ? [...file.edits, importEdit] : file.edits);
  // Until a re-lint says otherwise, the manual findings remain (a fix across files may edit only a sibling).
  const manual = file.findings.filter((finding) => finding.status === 'manual').length;
  const outcome: FileOutcome = { path, before: file.before, after: file.before, findings: file.findings, remaining: manual };
  if (importEdit) outcome.helperStyle = imports!.style;
  if (edits.length > 0) rewriteFile(state, checkRewrite, outcome, file, edits);
  return outcome;
}

/** Every planned file's outcome, in the order planning met them. */
export function applyPlannedEdits(state: PlanningState, checkRewrite: CheckRewrite, specifierFor: SpecifierFor): FileOutcome[] {
  return [...state.pending].map(([path, file]) => finishFile(state, checkRewrite, specifierFor, path, file));
}
