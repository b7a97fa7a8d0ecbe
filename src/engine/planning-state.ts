// What the planning stage keeps between files: the in-memory ts-morph project, each file's planned
// edits and findings, each file's helper imports, and the sibling files loaded for the current file.
import { Project, ts } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { FileHelperImports } from '../../codemods/utils/helper-imports';
import type { ModuleStyle } from '../../codemods/utils/module-style';
import type { TextEdit } from '../../codemods/types';
import type { FindingReport, SessionOptions } from './plan-fixes';
import { createImportResolver } from './resolve-imports';

/** A file's plan so far: its text as first read, the edits accepted for it, and its findings. */
export interface PendingFile {
  before: string;
  edits: TextEdit[];
  findings: FindingReport[];
  /** Manual items found across files: no rule reports them again, so they add to what remains. */
  manualAcrossFiles: number;
}

export interface PlanningState {
  options: SessionOptions;
  project: Project;
  /** Every file with findings or edits, in the order planning first met it. */
  pending: Map<string, PendingFile>;
  helperImports: Map<string, FileHelperImports>;
  /** Sibling files loaded during one file's analysis, forgotten with it. */
  siblings: Set<SourceFile>;
  resolveImport: ReturnType<typeof createImportResolver>;
}

export function createPlanningState(options: SessionOptions): PlanningState {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ESNext },
  });
  const pending = new Map<string, PendingFile>();
  const siblings = new Set<SourceFile>();
  const resolveImport = createImportResolver({
    project,
    readSibling: options.readSibling,
    plannedText: (path) => pending.get(path)?.before,
    loaded: siblings,
  });
  return { options, project, pending, helperImports: new Map(), siblings, resolveImport };
}

/** The file's plan, started with `text` as its text before any edit when it has none yet. */
export function pendingFor(state: PlanningState, path: string, text: string): PendingFile {
  let entry = state.pending.get(path);
  if (!entry) {
    entry = { before: text, edits: [], findings: [], manualAcrossFiles: 0 };
    state.pending.set(path, entry);
  }
  return entry;
}

/** The helper imports of a file, created in its module style the first time a fix asks for them. */
export function helperImportsFor(state: PlanningState, sourceFile: SourceFile): FileHelperImports {
  const path = sourceFile.getFilePath();
  let entry = state.helperImports.get(path);
  if (!entry) {
    entry = new FileHelperImports(sourceFile, {
      fallbackStyle: state.options.fallbackStyle?.(path) ?? 'esm',
      packageSpecifier: state.options.packageSpecifier,
    });
    state.helperImports.set(path, entry);
  }
  return entry;
}

/** The texts edits may target: the file being analysed and the siblings loaded for it, as planning first saw them. */
export function textsInView(state: PlanningState, sourceFile: SourceFile, file: PendingFile): Map<string, string> {
  const texts = new Map([[sourceFile.getFilePath(), file.before]]);
  for (const sibling of state.siblings) texts.set(sibling.getFilePath(), state.pending.get(sibling.getFilePath())?.before ?? sibling.getFullText());
  return texts;
}

/** Drops the analysed file and the siblings loaded for it from the project: each file is parsed for its own analysis only. */
export function forgetAnalysedFiles(state: PlanningState, sourceFile: SourceFile): void {
  state.project.removeSourceFile(sourceFile);
  for (const sibling of state.siblings) if (!sibling.wasForgotten()) state.project.removeSourceFile(sibling);
  state.siblings.clear();
}

/** Files whose fixes call the helper, with the module style each imports it in. */
export function helperUsers(state: PlanningState): { path: string; style: ModuleStyle }[] {
  return [...state.helperImports.values()].filter((imports) => imports.needsImport).map((imports) => ({ path: imports.filePath, style: imports.style }));
}
