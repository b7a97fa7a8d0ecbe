// Resolves a relative import of one file to another file of the same run, loaded into the
// planning project on demand: how codemods see a client built in one module and used in another.
import type { Project, SourceFile } from 'ts-morph';
import { dirname, resolve } from 'node:path';

const RESOLVABLE_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

export interface ImportResolverOptions {
  project: Project;
  /** The text of a file of the run; undefined when missing or not editable by this run. */
  readSibling?: (path: string) => string | undefined;
  /** A file's text as planning first saw it, when it has pending edits (edits are offsets into it). */
  plannedText: (path: string) => string | undefined;
  /** Receives each file loaded here, so the caller can forget it after the current file. */
  loaded: Set<SourceFile>;
}

/** The paths a relative specifier may name: as written, with a TypeScript twin of `.js`, or an index file. */
export function candidatePaths(fromFile: string, specifier: string): string[] {
  const base = resolve(dirname(fromFile), specifier);
  const withoutJs = base.replace(/\.(?:[cm]?js|jsx)$/, '');
  return [
    ...RESOLVABLE_EXTENSIONS.map((extension) => base + extension),
    ...RESOLVABLE_EXTENSIONS.slice(1).map((extension) => withoutJs + extension),
    ...RESOLVABLE_EXTENSIONS.slice(1).map((extension) => `${base}/index${extension}`),
  ];
}

export function createImportResolver(options: ImportResolverOptions) {
  return function resolveImport(from: SourceFile, specifier: string): SourceFile | undefined {
    if (!options.readSibling || !specifier.startsWith('.')) return undefined;
    for (const candidate of candidatePaths(from.getFilePath(), specifier)) {
      const loaded = options.project.getSourceFile(candidate);
      if (loaded) return loaded;
      const text = options.readSibling(candidate);
      if (text === undefined) continue;
      const sibling = options.project.createSourceFile(candidate, options.plannedText(candidate) ?? text, { overwrite: true });
      options.loaded.add(sibling);
      return sibling;
    }
    return undefined;
  };
}
