// The report of a run (what `--json` prints): per file, the findings and whether it changed; the
// helper; refusals, errors and totals; and the exit code they add up to.
import type { FileOutcome, FindingReport } from '../engine/plan-fixes';
import type { LeftoverReport } from './leftovers';
import { settleFindings } from './settle';

export interface FileReport {
  /** Relative to cwd, with `/`. */
  path: string;
  changed: boolean;
  findings: FindingReport[];
  /** Findings the rules still report after the rewrite: the manual work left in this file. */
  remaining: number;
}

export interface ErrorReport {
  path: string;
  message: string;
}

export type ExitCode = 0 | 1 | 2 | 3 | 130;

export interface MigrateReport {
  dryRun: boolean;
  files: FileReport[];
  /** The vendored helper file(s) this run created (or would create). */
  helper: { path: string; created: boolean }[];
  /** Files left alone because they have uncommitted changes (the run wrote nothing). */
  refused: string[];
  /** Files not scanned: over the size limit, minified or generated, UTF-16, not regular files. */
  skipped: { path: string; reason: string }[];
  /** Temp files of killed runs: removed (or, in a dry run, to be removed). */
  leftovers: LeftoverReport[];
  interrupted: boolean;
  errors: ErrorReport[];
  totals: {
    files: number;
    candidates: number;
    filesWithFindings: number;
    filesChanged: number;
    findings: number;
    fixed: number;
    /** Fixes planned but not written (dry run, refusal, write error). */
    wouldFix: number;
    manual: number;
    remaining: number;
    errors: number;
  };
  /** 0 nothing left to do, 1 changes pending (dry run) or manual work, 2 refusal, 3 a file could not be processed, 130 interrupted. */
  exitCode: ExitCode;
}

export interface RunFacts {
  dryRun: boolean;
  outcomes: readonly FileOutcome[];
  /** Whether an outcome counts as changed: planned (dry run) or written. */
  isChanged: (outcome: FileOutcome) => boolean;
  /** Report paths of the helpers the plan creates. */
  helpers: readonly string[];
  /** Whether the helpers were written (false in dry runs, refusals, and when one failed). */
  helpersWritten: boolean;
  /** Absolute paths of the files written: a fix is `fixed` only when all its files are. */
  written: ReadonlySet<string>;
  skipped: { path: string; reason: string }[];
  leftovers: LeftoverReport[];
  refused: string[];
  interrupted: boolean;
  errors: ErrorReport[];
  files: number;
  candidates: number;
  toReportPath: (path: string) => string;
}

function exitCodeOf(facts: RunFacts, filesChanged: number, remaining: number): ExitCode {
  if (facts.interrupted) return 130;
  if (facts.refused.length > 0) return 2;
  if (facts.errors.length > 0) return 3;
  return (facts.dryRun && (filesChanged > 0 || facts.helpers.length > 0)) || remaining > 0 ? 1 : 0;
}

export function buildReport(facts: RunFacts): MigrateReport {
  const files: FileReport[] = facts.outcomes
    .filter((outcome) => outcome.findings.length > 0 || facts.isChanged(outcome))
    .map((outcome) => ({
      path: facts.toReportPath(outcome.path),
      changed: facts.isChanged(outcome),
      findings: settleFindings(outcome.findings, facts.written, facts.toReportPath),
      remaining: outcome.remaining,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const allFindings = files.flatMap((file) => file.findings);
  const remaining = files.reduce((sum, file) => sum + file.remaining, 0);
  const filesChanged = files.filter((file) => file.changed).length;
  return {
    dryRun: facts.dryRun,
    files,
    helper: facts.helpers.map((path) => ({ path, created: facts.helpersWritten })),
    refused: facts.refused,
    skipped: facts.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    leftovers: facts.leftovers,
    interrupted: facts.interrupted,
    errors: facts.errors,
    totals: {
      files: facts.files,
      candidates: facts.candidates,
      filesWithFindings: files.filter((file) => file.findings.length > 0).length,
      filesChanged,
      findings: allFindings.length,
      fixed: allFindings.filter((finding) => finding.status === 'fixed').length,
      wouldFix: allFindings.filter((finding) => finding.status === 'would-fix').length,
      manual: allFindings.filter((finding) => finding.status === 'manual').length,
      remaining,
      errors: facts.errors.length,
    },
    exitCode: exitCodeOf(facts, filesChanged, remaining),
  };
}
