// Following a presigned PUT's URL to the function of a sibling module that returns it, and
// reading what that function's presign signed as Content-Type.
import type { CodemodContext } from '../types';
import { relativePath } from './file-paths';
import { readExportedPresign } from './put-request-probe';
import type { RequestView } from './put-request-probe';

/** What the presign behind an imported function signs: a literal, a description for the to-do, or no type at all. */
export interface ImportedPresign {
  literal?: string;
  description?: string;
  /** `file:line` of a presign that signs no Content-Type (any type uploads). */
  unsignedAt?: string;
}

/** The presign behind the URL when it comes from a relative import; empty when the file itself shows the presign. */
export function followImportedPresign(context: CodemodContext, view: RequestView | undefined): ImportedPresign {
  const importedFrom = view?.origin?.kind === 'presign' ? undefined : view?.importedFrom;
  if (!importedFrom) return {};
  const sibling = context.resolveImport(context.sourceFile, importedFrom.specifier);
  const exported = sibling && readExportedPresign(sibling.getFilePath(), sibling.getFullText(), importedFrom.exportName, importedFrom.property);
  if (!sibling || exported?.origin?.kind !== 'presign' || !exported.site) {
    return {
      description: `The URL comes from \`${importedFrom.callee}\` of '${importedFrom.specifier}', where no presign could be read.`,
    };
  }
  const { site } = exported;
  const where = `${relativePath(context.sourceFile.getFilePath(), sibling.getFilePath())}:${site.line}`;
  if (site.kind === 'literal') return { literal: site.text, description: where };
  if (site.kind === 'absent') return { unsignedAt: where };
  return {
    description:
      site.kind === 'expression'
        ? `The URL is presigned in ${where} with ContentType \`${site.text}\`.`
        : `The URL is presigned in ${where} with a ContentType that file does not show.`,
  };
}
