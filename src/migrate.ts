// The programmatic API (`sigv4-migrate/codemod`): `migrate` (src/cli/migration.ts) returns the
// report the CLI prints with --json, the CLI being a thin shell over it; `migrateSource` runs the
// engine (src/engine) on one text in memory.
import { codemods as defaultCodemods } from '../codemods/index';
import type { Codemod } from '../codemods/types';
import { rules as pluginRules } from '../rules/index';
import { planFiles } from './engine/index';
import type { FindingReport, LintRule } from './engine/index';

export * from './cli/migration';
export { explainSignatureError, CAUSE_IDS } from './explain/index';
export type { Cause, CauseId, ExplainInput, ExplainReport, RequestObject } from './explain/index';

export interface MigrateSourceOptions {
  /** Absolute path (it need not exist): its extension picks the parser. */
  filePath: string;
  text: string;
  /** The specifier helper imports use (default `sigv4-migrate/sigv4`). */
  helperImport?: string;
  annotate?: boolean;
  rules?: Record<string, LintRule>;
  codemods?: Partial<Record<string, Codemod>>;
}

export interface MigrateSourceResult {
  output: string;
  findings: FindingReport[];
  remaining: number;
  /** The file does not parse, or its rewrite did not. */
  error?: string;
}

/** The engine on one text in memory (no discovery, no prefilter, no writes): for fixtures. */
export function migrateSource(options: MigrateSourceOptions): MigrateSourceResult {
  const plan = planFiles(new Map([[options.filePath, options.text]]), {
    rules: options.rules ?? pluginRules,
    codemods: options.codemods ?? defaultCodemods,
    annotate: options.annotate ?? false,
    helperImport: options.helperImport ?? 'sigv4-migrate/sigv4',
  });
  const fatal = plan.fatal.get(options.filePath);
  if (fatal !== undefined) return { output: options.text, findings: [], remaining: 0, error: fatal };
  const outcome = plan.files.find((candidate) => candidate.path === options.filePath);
  if (!outcome) return { output: options.text, findings: [], remaining: 0 };
  return { output: outcome.after, findings: outcome.findings, remaining: outcome.remaining, error: outcome.error };
}
