// The migration engine: files' text in, a plan out (findings, each file's text after its fixes, the
// helper files to create, manual work). Pure: it reads other files and the vendored helper only
// through the callbacks its caller passes, and writes nothing. Stages: prefilter → lint →
// plan fixes (resolving imports across files) → place helper.
import type { Codemod } from '../../codemods/types';
import { withHelperHeader } from '../../codemods/utils/helper-vendor';
import type { HelperFlavor, TsCompilerHints } from '../../codemods/utils/helper-vendor';
import type { ModuleStyle } from '../../codemods/utils/module-style';
import type { RewriteCheck } from './check-rewrite';
import type { LintRule } from './lint';
import { createHelperPlacement } from './place-helper';
import { createSession } from './plan-fixes';
import type { FileOutcome, ParseObserver } from './plan-fixes';

export type { FileOutcome, FindingReport, FindingStatus, ParseObserver } from './plan-fixes';
export type { LintResult, LintRule } from './lint';

export interface EngineOptions {
  rules: Record<string, LintRule>;
  codemods: Partial<Record<string, Codemod>>;
  annotate?: boolean;
  /** `--helper-import`: import the helper from this package, vendor nothing. */
  helperImport?: string;
  /** `--helper-out` (absolute): the folder vendored helpers go to. */
  helperDirectory?: string;
  /**
   * The text of another file of the run a fix may edit (a client built in a sibling module);
   * undefined when it is missing or must not be edited (ignored, excluded, a symlink).
   */
  readSibling?: (path: string) => string | undefined;
  /** The text of any file already on disk (to recognise an existing helper); undefined when none. */
  existingText?: (path: string) => string | undefined;
  /** The helper's source for a flavour (throws when it cannot be found). */
  helperText?: (flavor: HelperFlavor) => string;
  /** Module style of a file whose syntax does not tell (the nearest package.json "type"). */
  moduleStyleOf?: (path: string) => ModuleStyle;
  compilerHintsOf?: (path: string) => TsCompilerHints | undefined;
  heap?: ParseObserver;
  /** `none` skips the re-lint of rewritten files (a dry run writes nothing). */
  rewriteCheck?: RewriteCheck;
}

/** A helper file the plan creates. */
export interface PlannedHelper {
  path: string;
  content: string;
}

export interface MigrationPlan {
  /** Every file with findings or edits; `after` equals `before` when nothing changes. */
  files: FileOutcome[];
  helpers: PlannedHelper[];
  errors: { path: string; message: string }[];
}

export function createEngine(options: EngineOptions) {
  const session = createSession({
    rules: options.rules,
    codemods: options.codemods,
    annotate: options.annotate ?? false,
    packageSpecifier: options.helperImport,
    fallbackStyle: options.moduleStyleOf,
    heap: options.heap,
    readSibling: options.readSibling,
    rewriteCheck: options.rewriteCheck,
  });

  /** Applies every planned edit, places the helper, and says what to create. */
  function plan(): MigrationPlan {
    const placement = createHelperPlacement(session.helperUsers(), {
      packageSpecifier: options.helperImport,
      directory: options.helperDirectory,
      compilerHintsOf: options.compilerHintsOf,
      existingText: options.existingText ?? (() => undefined),
    });
    const files = session.finish(placement.specifierFor);
    const errors = files.filter((file) => file.error).map((file) => ({ path: file.path, message: file.error! }));
    const helpers: PlannedHelper[] = [];
    for (const placed of placement.placed().filter((helper) => !helper.exists)) {
      try {
        if (!options.helperText) throw new Error('no helper source to vendor was given');
        helpers.push({ path: placed.path, content: withHelperHeader(options.helperText(placed.flavor)) });
      } catch (error) {
        errors.push({ path: placed.path, message: (error as Error).message });
        // A file must not import a helper that will not be there.
        for (const file of files) {
          if (file.helperStyle && placement.flavorFor(file.path, file.helperStyle) === placed.flavor) file.after = file.before;
        }
      }
    }
    return { files, helpers, errors };
  }

  return { analyse: session.analyse, analyseLinted: session.analyseLinted, plan };
}

export type Engine = ReturnType<typeof createEngine>;

/** Plans a whole set of in-memory files: each is analysed, then the plan is made (fixtures, migrateSource). */
export function planFiles(files: ReadonlyMap<string, string>, options: Omit<EngineOptions, 'readSibling' | 'existingText'>): MigrationPlan & { fatal: Map<string, string> } {
  const engine = createEngine({ ...options, readSibling: (path) => files.get(path), existingText: (path) => files.get(path) });
  const fatal = new Map<string, string>();
  for (const [path, text] of files) {
    const analysed = engine.analyse(path, text);
    if (analysed.kind === 'fatal') fatal.set(path, analysed.message);
  }
  return { ...engine.plan(), fatal };
}
