// The contract between migrate.ts and the codemods: a finding comes in (one ESLint report of the
// rule of the same name), edits or a manual to-do come out. Codemods never touch the file system.
import type { Node, Project, SourceFile } from 'ts-morph';
import type { RuleName } from '../rules/index';

/** One ESLint report, located both as line/column (1-based, as ESLint gives) and as offsets. */
export interface Finding {
  ruleId: RuleName;
  messageId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** [start, end) character offsets of the reported node in the file's text. */
  range: [number, number];
  /** The rule's own autofix, offered only where it is certainly right: a codemod may adopt it. */
  fix?: RuleEdit;
  /** The rule's suggestions, in the order the rule offers them. */
  suggestions?: RuleSuggestion[];
  /** The `data` the rule reported with (the values its message names), for codemods to read. */
  data?: Readonly<Record<string, string>>;
}

/** An ESLint fix as offsets into the linted text: replace text[start, end) with `text`. */
export interface RuleEdit {
  start: number;
  end: number;
  text: string;
}

export interface RuleSuggestion {
  messageId: string;
  description: string;
  edit: RuleEdit;
  /** The suggestion's message data: a rule may carry facts for its codemod here. */
  data?: Record<string, string>;
}

/** Replace text[start, end) with `text`; offsets are into the original text of `filePath`. */
export interface TextEdit {
  filePath: string;
  start: number;
  end: number;
  text: string;
}

/** Names the rewritten code may call, imported from the helper (vendored file or package). */
export type HelperExport =
  | 'signRequest'
  | 'presignUrl'
  | 'canonicalQueryString'
  | 'signRequestAsync'
  | 'presignUrlAsync'
  | 'regionFromHost';

export interface HelperImports {
  /**
   * Ensures `sourceFile` imports `name` from the helper (ESM import or require, matching the
   * file's style) and returns the local identifier to call. The import edit is recorded and
   * applied with the codemod's own edits.
   */
  use(sourceFile: SourceFile, name: HelperExport): string;
}

export interface CodemodContext {
  finding: Finding;
  /** The file the finding is in, parsed by ts-morph (no type checker). */
  sourceFile: SourceFile;
  /** The smallest node whose range equals the finding's range (or that contains it). */
  node: Node;
  /** Holds the sibling files ts-morph could resolve, for cross-file rewrites. */
  project: Project;
  helper: HelperImports;
  /**
   * Adds the file a relative `specifier` in `from` resolves to (tried as written, then with
   * .ts/.tsx/.js/.jsx/.mjs/.cjs/.mts/.cts and /index.*) to `project` and returns it; undefined when
   * it does not exist or lies outside the paths being migrated. Edits to it carry its path.
   */
  resolveImport(from: SourceFile, specifier: string): SourceFile | undefined;
}

/**
 * What a codemod did with a finding. The report always carries the rule's own message (as ESLint
 * words it); apart from it, `note` says what the fix does, in the present tense and lower case
 * (`adds signatureVersion: 'v4'`, shown after "fixed" or "would fix"), and `todo` says in one short
 * sentence why the finding stays manual, naming what could not be seen (`Its endpoint is
 * 'http://minio:9000'.`), or is empty when the message says it all. Recipes go on the rule's docs page.
 */
export type CodemodOutcome =
  | { kind: 'fixed'; edits: TextEdit[]; note?: string }
  | { kind: 'manual'; todo: string };

export type Codemod = (context: CodemodContext) => CodemodOutcome;
