// Plans one finding: runs the codemod of its rule on the reported node and accepts the fix, or
// reports it as manual work (with a `// sigv4-migrate:` comment above it under --annotate).
import { Node } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { annotationEdit } from '../../codemods/utils/annotate';
import { findOverlap } from '../../codemods/utils/apply-edits';
import type { FileHelperImports } from '../../codemods/utils/helper-imports';
import type { Codemod, CodemodContext, CodemodOutcome, Finding, HelperExport, HelperImports } from '../../codemods/types';
import { COLLIDES, acceptFix } from './accept-fix';
import { BrowserScriptError, browserScriptTodo, isBrowserScript } from './browser-script';
import { manualReport } from './manual-items';
import type { ReportSite } from './manual-items';
import type { FindingReport } from './plan-fixes';
import { helperImportsFor } from './planning-state';
import type { PendingFile, PlanningState } from './planning-state';

/** The deepest node covering [start, end): the reported node in ts-morph's tree. */
function nodeAtRange(sourceFile: SourceFile, [start, end]: [number, number]): Node {
  let node: Node = sourceFile.getDescendantAtPos(start) ?? sourceFile;
  while (!Node.isSourceFile(node) && (node.getStart() > start || node.getEnd() < end)) node = node.getParentOrThrow();
  return node;
}

function runCodemod(codemod: Codemod, context: CodemodContext): CodemodOutcome {
  try {
    return codemod(context);
  } catch (error) {
    if (error instanceof BrowserScriptError) return { kind: 'manual', todo: browserScriptTodo(error.helperExport) };
    return { kind: 'manual', todo: `The automatic fix failed: ${(error as Error).message}` };
  }
}

/**
 * The helper imports one codemod run may add to, and a way to take them back: a fix that is not
 * accepted must leave no import behind. A browser script gets none (its findings become manual).
 */
export function trackedHelperImports(state: PlanningState): { helper: HelperImports; undo: () => void } {
  const used = new Map<FileHelperImports, Map<HelperExport, string>>();
  const helper: HelperImports = {
    use(target, name) {
      if (isBrowserScript(target, state.options.fallbackStyle?.(target.getFilePath()) ?? 'esm')) throw new BrowserScriptError(name);
      const imports = helperImportsFor(state, target);
      if (!used.has(imports)) used.set(imports, imports.snapshot());
      return imports.use(name);
    },
  };
  const undo = () => {
    for (const [imports, snapshot] of used) imports.restore(snapshot);
  };
  return { helper, undo };
}

interface FixAttempt {
  codemod: Codemod;
  sourceFile: SourceFile;
  file: PendingFile;
  finding: Finding;
  node: Node;
  site: ReportSite;
}

/** The fixed report when the codemod's fix is accepted; else why the finding stays manual. */
function attemptFix(state: PlanningState, attempt: FixAttempt): { report: FindingReport } | { reason: string } {
  const { codemod, sourceFile, file, finding, node, site } = attempt;
  const { helper, undo } = trackedHelperImports(state);
  const outcome = runCodemod(codemod, { finding, sourceFile, node, project: state.project, helper, resolveImport: state.resolveImport });
  const report = outcome.kind === 'fixed' ? acceptFix(state, sourceFile, file, site, outcome) : undefined;
  if (report) return { report };
  undo();
  return { reason: outcome.kind === 'fixed' ? COLLIDES : outcome.todo };
}

/** Adds the `// sigv4-migrate:` comment above a manual finding, unless it overlaps an edit already planned. */
function annotateFinding(sourceFile: SourceFile, node: Node, finding: Finding, file: PendingFile): void {
  // The comment quotes the message only: the rule's docs page has the recipe.
  const edit = annotationEdit(sourceFile, node, finding.message);
  if (edit && !findOverlap([...file.edits, edit])) file.edits.push(edit);
}

export function planFinding(state: PlanningState, sourceFile: SourceFile, finding: Finding, file: PendingFile): FindingReport {
  const site: ReportSite = {
    rule: finding.ruleId, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, message: finding.message,
  };
  const node = nodeAtRange(sourceFile, finding.range);
  const codemod = state.options.codemods[finding.ruleId];
  let reason: string | undefined;
  if (codemod) {
    const attempted = attemptFix(state, { codemod, sourceFile, file, finding, node, site });
    if ('report' in attempted) return attempted.report;
    reason = attempted.reason;
  }
  if (state.options.annotate) annotateFinding(sourceFile, node, finding, file);
  return manualReport(site, reason);
}
