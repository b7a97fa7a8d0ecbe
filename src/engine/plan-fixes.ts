// The engine's planning stage: lint a file, hand each finding to its codemod, keep the accepted
// edits per file, and finally apply them (with helper imports) once per file and re-lint. Its
// steps live beside it: planning-state, plan-finding, accept-fix, edits-elsewhere, apply-plan.
// Pure: other files are read only through the `readSibling` callback the caller gives.
import type { SourceFile } from 'ts-morph';
import type { ModuleStyle } from '../../codemods/utils/module-style';
import type { Codemod, Finding } from '../../codemods/types';
import { createRuleLinter } from './lint';
import type { LintResult, LintRule, LintText } from './lint';
import { COLLIDES, acceptFix } from './accept-fix';
import { applyPlannedEdits } from './apply-plan';
import type { SpecifierFor } from './apply-plan';
import { createRewriteChecker } from './check-rewrite';
import { manualReport, withoutDuplicateManualItems } from './manual-items';
import type { RewriteCheck } from './check-rewrite';
import { mayUseValuesAcrossFiles } from './cross-file-gate';
import { planFinding, trackedHelperImports } from './plan-finding';
import { createPlanningState, forgetAnalysedFiles, helperUsers, pendingFor } from './planning-state';
import type { PendingFile, PlanningState } from './planning-state';
import { planAcrossFiles } from './resolve-across-files';

/** Told before and after each big parse, so the caller can collect garbage against a heap budget. */
export interface ParseObserver {
  willParse(length: number): void;
  parsed(length: number): void;
}

/** `fixed` only once its edits are written; `would-fix` when planned but not written (dry run, refusal, error). */
export type FindingStatus = 'fixed' | 'would-fix' | 'manual';

/** One edit of a fix: replace [start, end) of the file's text as read (without a BOM) with `text`. */
export interface FindingEdit {
  path: string;
  start: number;
  end: number;
  text: string;
}

/** One finding as reported: where, which rule, its message, and what was done or is left to do. */
export interface FindingReport {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  status: FindingStatus;
  /** The rule's message, the same string ESLint reports for this finding. */
  message: string;
  /** What the fix does, in the present tense (`adds signatureVersion: 'v4'`): fixed and would-fix findings. */
  action?: string;
  /** Why a manual finding was not rewritten: one short sentence naming what could not be seen. */
  why?: string;
  /** On an edit made here for a finding of another file: that finding's `path:line` (ESLint reports nothing here). */
  editFor?: string;
  /** The fix's edits (for SARIF `fixes`), when the finding is fixed or would be; on a manual finding, a suggestion never applied. */
  edits?: FindingEdit[];
}

export interface SessionOptions {
  rules: Record<string, LintRule>;
  codemods: Partial<Record<string, Codemod>>;
  annotate: boolean;
  /** `--helper-import`: imports come from this package specifier. */
  packageSpecifier?: string;
  /** Reads a file a codemod resolves across files; undefined when missing or outside the targets. */
  readSibling?: (path: string) => string | undefined;
  /** Module style of a file whose syntax does not tell (nearest package.json "type"). */
  fallbackStyle?: (path: string) => ModuleStyle;
  /** Told about each text `finish` parses again, before and once its trees are dropped. */
  heap?: ParseObserver;
  /** How rewrites are checked (default: re-linted by the rules that fired; `none` in dry runs). */
  rewriteCheck?: RewriteCheck;
}

/** A file's result once the session is finished. */
export interface FileOutcome {
  path: string;
  before: string;
  after: string;
  findings: FindingReport[];
  /** Reports still there after the rewrite (manual work, or a fix that did not take). */
  remaining: number;
  /** Set when the rewrite did not parse: the file is then left as it was. */
  error?: string;
  /** Set when the file's fixes import the helper: the module style it imports it in. */
  helperStyle?: ModuleStyle;
}

export type AnalyseResult = { kind: 'fatal'; message: string } | { kind: 'analysed'; findings: FindingReport[] };

/** A rule's message by id, for items no ESLint report carries (their messages take no data). */
function ruleMessage(rules: Record<string, LintRule>, rule: string, messageId: string): string {
  return (rules[rule] as { meta?: { messages?: Record<string, string> } } | undefined)?.meta?.messages?.[messageId] ?? messageId;
}

/** Plans what the file does with values built in other modules (its own findings planned first). */
function planCrossFileFindings(state: PlanningState, lintText: LintText, sourceFile: SourceFile, file: PendingFile, findings: readonly Finding[]): FindingReport[] {
  const { helper, undo } = trackedHelperImports(state);
  const context = { resolveImport: state.resolveImport, lintText, helper, project: state.project };
  let helperKept = false;
  const reports = planAcrossFiles(sourceFile, context, findings).map(({ rule, line, column, outcome, messageId, message, usesHelper }) => {
    const site = { rule, line, column, endLine: line, endColumn: column, message: message ?? ruleMessage(state.options.rules, rule, messageId) };
    const fixed = outcome.kind === 'fixed' ? acceptFix(state, sourceFile, file, site, outcome) : undefined;
    if (fixed) {
      helperKept ||= usesHelper === true;
      return fixed;
    }
    file.manualAcrossFiles += 1;
    return manualReport(site, outcome.kind === 'manual' ? outcome.todo : COLLIDES);
  });
  // A helper import only a dropped cross-file fix asked for must not stay behind.
  if (!helperKept) undo();
  return reports;
}

/** Plans the fixes of a file already linted (here or in a worker thread). */
function planLintedFile(state: PlanningState, lintText: LintText, path: string, text: string, linted: LintResult): AnalyseResult {
  if (linted.kind === 'fatal') return { kind: 'fatal', message: linted.message };
  const findings = linted.findings;
  if (findings.length === 0 && !mayUseValuesAcrossFiles(text)) return { kind: 'analysed', findings: [] };
  const file = pendingFor(state, path, text);
  const sourceFile = state.project.createSourceFile(path, text, { overwrite: true });
  try {
    const reports = withoutDuplicateManualItems([
      ...findings.map((finding) => planFinding(state, sourceFile, finding, file)),
      ...planCrossFileFindings(state, lintText, sourceFile, file, findings),
    ]);
    file.findings.push(...reports);
    return { kind: 'analysed', findings: reports };
  } finally {
    forgetAnalysedFiles(state, sourceFile);
  }
}

/**
 * The planning stage: `analyse` (or `analyseLinted`) each file, hand each finding to its codemod and
 * keep the accepted edits; `finish` applies them with the helper imports (`specifierFor` says where
 * each file imports the helper from) and re-lints the result.
 */
export function createSession(options: SessionOptions) {
  const lintText: LintText = createRuleLinter(options.rules);
  const checkRewrite = createRewriteChecker(options.rules, options.rewriteCheck ?? 'fired-rules');
  const state = createPlanningState(options);
  return {
    /** Lints one file and plans its fixes. */
    analyse: (path: string, text: string): AnalyseResult => planLintedFile(state, lintText, path, text, lintText(path, text)),
    analyseLinted: (path: string, text: string, linted: LintResult): AnalyseResult => planLintedFile(state, lintText, path, text, linted),
    helperUsers: () => helperUsers(state),
    finish: (specifierFor: SpecifierFor): FileOutcome[] => applyPlannedEdits(state, checkRewrite, specifierFor),
  };
}

export type Session = ReturnType<typeof createSession>;
