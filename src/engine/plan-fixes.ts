// The engine's planning stage: lint a file, hand each finding to its codemod, keep the accepted
// edits per file, and finally apply them (with helper imports) once per file and re-lint.
// Pure: other files are read only through the `readSibling` callback the caller gives.
import { Node, Project, SyntaxKind, ts } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { annotationEdit } from '../../codemods/utils/annotate';
import { applyTextEdits, findOverlap } from '../../codemods/utils/apply-edits';
import { relativeSpecifier } from '../../codemods/utils/file-paths';
import { FileHelperImports } from '../../codemods/utils/helper-imports';
import type { ModuleStyle } from '../../codemods/utils/module-style';
import type { Codemod, CodemodContext, CodemodOutcome, Finding, HelperExport, HelperImports, TextEdit } from '../../codemods/types';
import { createRuleLinter } from './lint';
import type { LintResult, LintRule, LintText } from './lint';
import { BrowserScriptError, browserScriptTodo, isBrowserScript } from './browser-script';
import { createRewriteChecker } from './check-rewrite';
import { fixedReport, manualReport, withoutDuplicateManualItems } from './manual-items';
import type { ReportSite } from './manual-items';
import type { RewriteCheck } from './check-rewrite';
import { mayUseValuesAcrossFiles } from './cross-file-gate';
import { planAcrossFiles } from './resolve-across-files';
import { createImportResolver } from './resolve-imports';

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

/** 1-based line and column of `offset` in `text`, as lint reports them. */
function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** The deepest node covering [start, end): the reported node in ts-morph's tree. */
function nodeAtRange(sourceFile: SourceFile, [start, end]: [number, number]): Node {
  let node: Node = sourceFile.getDescendantAtPos(start) ?? sourceFile;
  while (!Node.isSourceFile(node) && (node.getStart() > start || node.getEnd() < end)) node = node.getParentOrThrow();
  return node;
}

interface PendingFile {
  before: string;
  edits: TextEdit[];
  findings: FindingReport[];
  /** Manual items found across files: no rule reports them again, so they add to what remains. */
  manualAcrossFiles: number;
}

const COLLIDES = 'Its automatic fix collides with another fix here: run sigv4-migrate again.';

function reportedEdits(edits: readonly TextEdit[]): FindingEdit[] {
  return edits.map((edit) => ({ path: edit.filePath, start: edit.start, end: edit.end, text: edit.text }));
}

export function createSession(options: SessionOptions) {
  /** A rule's message by id, for items no ESLint report carries (their messages take no data). */
  function ruleMessage(rule: string, messageId: string): string {
    return (options.rules[rule] as { meta?: { messages?: Record<string, string> } } | undefined)?.meta?.messages?.[messageId] ?? messageId;
  }

  const lintText: LintText = createRuleLinter(options.rules);
  const checkRewrite = createRewriteChecker(options.rules, options.rewriteCheck ?? 'fired-rules');
  const project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ESNext },
  });
  const pending = new Map<string, PendingFile>();
  const helperImports = new Map<string, FileHelperImports>();

  function pendingFor(path: string, text: string): PendingFile {
    let entry = pending.get(path);
    if (!entry) {
      entry = { before: text, edits: [], findings: [], manualAcrossFiles: 0 };
      pending.set(path, entry);
    }
    return entry;
  }

  function helperImportsFor(sourceFile: SourceFile): FileHelperImports {
    const path = sourceFile.getFilePath();
    let entry = helperImports.get(path);
    if (!entry) {
      entry = new FileHelperImports(sourceFile, {
        fallbackStyle: options.fallbackStyle?.(path) ?? 'esm',
        packageSpecifier: options.packageSpecifier,
      });
      helperImports.set(path, entry);
    }
    return entry;
  }

  /** Sibling files loaded during one file's analysis, forgotten with it. */
  const siblings = new Set<SourceFile>();
  const resolveImport = createImportResolver({
    project,
    readSibling: options.readSibling,
    plannedText: (path) => pending.get(path)?.before,
    loaded: siblings,
  });

  /** The helper as codemods use it: each file's imports snapshotted in `used` on first use, to restore when a fix is dropped. */
  function trackedHelper(used: Map<FileHelperImports, Map<HelperExport, string>>): HelperImports {
    return {
      use(target, name) {
        if (isBrowserScript(target, options.fallbackStyle?.(target.getFilePath()) ?? 'esm')) throw new BrowserScriptError(name);
        const imports = helperImportsFor(target);
        if (!used.has(imports)) used.set(imports, imports.snapshot());
        return imports.use(name);
      },
    };
  }

  function runCodemod(codemod: Codemod, context: CodemodContext): CodemodOutcome {
    try {
      return codemod(context);
    } catch (error) {
      if (error instanceof BrowserScriptError) return { kind: 'manual', todo: browserScriptTodo(error.helperExport) };
      return { kind: 'manual', todo: `The automatic fix failed: ${(error as Error).message}` };
    }
  }

  /** Accepts a fixed outcome's edits unless they overlap edits accepted earlier; true when accepted. */
  function acceptEdits(edits: readonly TextEdit[], texts: Map<string, string>): boolean {
    for (const edit of edits) {
      const text = texts.get(edit.filePath);
      if (text === undefined) return false;
      if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) return false;
    }
    const byFile = new Map<string, TextEdit[]>();
    for (const edit of edits) byFile.set(edit.filePath, [...(byFile.get(edit.filePath) ?? []), edit]);
    for (const [path, fileEdits] of byFile) {
      if (findOverlap([...(pending.get(path)?.edits ?? []), ...fileEdits])) return false;
    }
    for (const [path, fileEdits] of byFile) pendingFor(path, texts.get(path)!).edits.push(...fileEdits);
    return true;
  }

  /** The texts edits may target: the file being analysed and the siblings loaded for it, as planning first saw them. */
  function textsInView(sourceFile: SourceFile, file: PendingFile): Map<string, string> {
    const texts = new Map([[sourceFile.getFilePath(), file.before]]);
    for (const sibling of siblings) texts.set(sibling.getFilePath(), pending.get(sibling.getFilePath())?.before ?? sibling.getFullText());
    return texts;
  }

  /**
   * Where an edit of another file is reported: the `new …(…)` it sits in, or that reads the options
   * variable it sits in (the client it changes); else the edit itself.
   */
  function siteOfEdit(path: string, text: string, offset: number): { line: number; column: number } {
    const edited = [...siblings].find((sibling) => sibling.getFilePath() === path)?.getDescendantAtPos(offset);
    const options = edited?.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
    const construction =
      edited?.getFirstAncestorByKind(SyntaxKind.NewExpression) ??
      edited?.getSourceFile().getDescendantsOfKind(SyntaxKind.NewExpression).find((candidate) => options !== undefined && candidate.getArguments()[0]?.getText() === options.getName());
    return lineAndColumnAt(text, construction ? construction.getStart() : offset);
  }

  /**
   * Lists an accepted fix in each other file it edits (the module that builds the client), so the
   * report names both places: once per file and line, however many presigns share the edit.
   */
  function recordEditsElsewhere(sourceFile: SourceFile, edits: readonly TextEdit[], texts: Map<string, string>, origin: { rule: string; line: number; message: string; action?: string }): void {
    const from = sourceFile.getFilePath();
    for (const path of new Set(edits.map((edit) => edit.filePath).filter((filePath) => filePath !== from))) {
      const text = texts.get(path);
      if (text === undefined) continue;
      const fileEdits = edits.filter((edit) => edit.filePath === path);
      const start = Math.min(...fileEdits.map((edit) => edit.start));
      const { line, column } = siteOfEdit(path, text, start);
      const sibling = pendingFor(path, text);
      if (sibling.findings.some((finding) => finding.rule === origin.rule && finding.line === line && finding.status === 'fixed')) continue;
      const site = { rule: origin.rule, line, column, endLine: line, endColumn: column, message: origin.message };
      sibling.findings.push({
        ...fixedReport(site, origin.action, reportedEdits(fileEdits)),
        editFor: `${relativeSpecifier(path, from)}:${origin.line}`,
      });
    }
  }

  /** Plans what the file does with values built in other modules (its own findings planned first). */
  function handleAcrossFiles(sourceFile: SourceFile, file: PendingFile, findings: readonly Finding[]): FindingReport[] {
    const used = new Map<FileHelperImports, Map<HelperExport, string>>();
    const context = { resolveImport, lintText, helper: trackedHelper(used), project };
    let helperKept = false;
    const reports = planAcrossFiles(sourceFile, context, findings).map(({ rule, line, column, outcome, messageId, message, usesHelper }) => {
      const site = { rule, line, column, endLine: line, endColumn: column, message: message ?? ruleMessage(rule, messageId) };
      const texts = textsInView(sourceFile, file);
      if (outcome.kind === 'fixed' && acceptEdits(outcome.edits, texts)) {
        helperKept ||= usesHelper === true;
        recordEditsElsewhere(sourceFile, outcome.edits, texts, { ...site, action: outcome.note });
        return fixedReport(site, outcome.note, reportedEdits(outcome.edits));
      }
      file.manualAcrossFiles += 1;
      return manualReport(site, outcome.kind === 'manual' ? outcome.todo : COLLIDES);
    });
    if (!helperKept) for (const [imports, snapshot] of used) imports.restore(snapshot);
    return reports;
  }

  function handleFinding(sourceFile: SourceFile, finding: Finding, file: PendingFile): FindingReport {
    const site: ReportSite = {
      rule: finding.ruleId, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, message: finding.message,
    };
    const node = nodeAtRange(sourceFile, finding.range);
    const codemod = options.codemods[finding.ruleId];
    let reason: string | undefined;
    if (codemod) {
      const used = new Map<FileHelperImports, Map<HelperExport, string>>();
      const helper = trackedHelper(used);
      const outcome = runCodemod(codemod, { finding, sourceFile, node, project, helper, resolveImport });
      if (outcome.kind === 'fixed') {
        const texts = textsInView(sourceFile, file);
        if (acceptEdits(outcome.edits, texts)) {
          recordEditsElsewhere(sourceFile, outcome.edits, texts, { ...site, action: outcome.note });
          return fixedReport(site, outcome.note, reportedEdits(outcome.edits));
        }
        reason = COLLIDES;
      } else {
        reason = outcome.todo;
      }
      for (const [imports, snapshot] of used) imports.restore(snapshot);
    }
    if (options.annotate) {
      // The comment quotes the message only: the rule's docs page has the recipe.
      const edit = annotationEdit(sourceFile, node, finding.message);
      if (edit && !findOverlap([...file.edits, edit])) file.edits.push(edit);
    }
    return manualReport(site, reason);
  }

  /** Lints one file and plans its fixes. */
  function analyse(path: string, text: string): AnalyseResult {
    return analyseLinted(path, text, lintText(path, text));
  }

  /** Plans the fixes of a file already linted (in a worker thread). */
  function analyseLinted(path: string, text: string, linted: LintResult): AnalyseResult {
    if (linted.kind === 'fatal') return { kind: 'fatal', message: linted.message };
    const findings = linted.findings;
    if (findings.length === 0 && !mayUseValuesAcrossFiles(text)) return { kind: 'analysed', findings: [] };
    const file = pendingFor(path, text);
    const sourceFile = project.createSourceFile(path, text, { overwrite: true });
    try {
      const reports = withoutDuplicateManualItems([
        ...findings.map((finding) => handleFinding(sourceFile, finding, file)),
        ...handleAcrossFiles(sourceFile, file, findings),
      ]);
      file.findings.push(...reports);
      return { kind: 'analysed', findings: reports };
    } finally {
      project.removeSourceFile(sourceFile);
      for (const sibling of siblings) if (!sibling.wasForgotten()) project.removeSourceFile(sibling);
      siblings.clear();
    }
  }

  /** Files whose fixes call the helper, with the module style each imports it in. */
  function helperUsers(): { path: string; style: ModuleStyle }[] {
    return [...helperImports.values()].filter((imports) => imports.needsImport).map((imports) => ({ path: imports.filePath, style: imports.style }));
  }

  /**
   * Applies every file's edits plus its helper import (`specifierFor` says where each file imports
   * the helper from) and re-lints the result.
   */
  function finish(specifierFor: (path: string, text: string) => string): FileOutcome[] {
    const outcomes: FileOutcome[] = [];
    for (const [path, file] of pending) {
      const imports = helperImports.get(path);
      const importEdit = imports?.needsImport ? imports.renderEdit(specifierFor(path, file.before)) : undefined;
      const edits = importEdit ? [...file.edits, importEdit] : file.edits;
      const normalised = edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r\n|\r|\n/g, lineEndingAt(file.before, edit.start)) }));
      // Until a re-lint says otherwise, the manual findings remain (a fix across files may edit only a sibling).
      const manual = file.findings.filter((finding) => finding.status === 'manual').length;
      const outcome: FileOutcome = { path, before: file.before, after: file.before, findings: file.findings, remaining: manual };
      if (importEdit) outcome.helperStyle = imports!.style;
      if (normalised.length > 0) {
        try {
          const after = applyTextEdits(file.before, normalised);
          options.heap?.willParse(after.length);
          const relinted = checkRewrite(path, after, new Set(file.findings.map((finding) => finding.rule)));
          options.heap?.parsed(after.length);
          if (relinted.kind === 'fatal') {
            outcome.error = `the rewritten file does not parse (${relinted.message}); left unchanged`;
          } else {
            outcome.after = after;
            outcome.remaining = relinted.kind === 'parsed' ? relinted.findings.length + file.manualAcrossFiles : manual;
          }
        } catch (error) {
          outcome.error = `${(error as Error).message}; left unchanged`;
        }
      }
      outcomes.push(outcome);
    }
    return outcomes;
  }

  return { analyse, analyseLinted, helperUsers, finish };
}

export type Session = ReturnType<typeof createSession>;
