// The engine's cross-file stage for presigned PUTs (issue 9 §2): an upload to a URL that a function
// of another module presigns with a Content-Type, whose name alone (`url`) does not tell the rule it
// is presigned. The rule is run on the file with each such function stubbed by a presign that signs
// a type; the PUTs it then reports go to the codemod, which reads the real presign across files.
import type { SourceFile } from 'ts-morph';
import presignedPutContentType from '../../codemods/presigned-put-content-type';
import type { CodemodOutcome, Finding } from '../../codemods/types';
import { importedCallees, withImportsBlanked } from '../../codemods/utils/imported-callees';
import type { ImportedCallee } from '../../codemods/utils/imported-callees';
import type { ResolveImport } from '../../codemods/utils/module-exports';
import { readExportedPresign } from '../../codemods/utils/put-request-probe';
import { nodeAtRange } from './node-at-range';
import type { CrossFileContext } from './resolve-across-files';

export const PUT_RULE = 'presigned-put-content-type';

/** A PUT found across files, reported where it is sent. */
export interface PutAcrossFilesItem {
  rule: typeof PUT_RULE;
  line: number;
  column: number;
  outcome: CodemodOutcome;
  messageId: string;
  message: string;
  usesHelper: false;
}

/** A file that sends a PUT and imports from a relative module: the files worth probing. */
export function mayPutAcrossFiles(text: string): boolean {
  return /\bPUT\b|\.put\s*\(/.test(text) && /(?:\bfrom\s*|\brequire\s*\(\s*)['"]\.\.?\//.test(text);
}

/** Imported functions whose module presigns a PUT URL with a Content-Type and returns it. */
function presigningCallees(sourceFile: SourceFile, resolveImport: ResolveImport): ImportedCallee[] {
  return importedCallees(sourceFile).filter((callee) => {
    const module = resolveImport(sourceFile, callee.specifier);
    const exported = module && readExportedPresign(module.getFilePath(), module.getFullText(), callee.exportName, undefined);
    return exported?.origin?.kind === 'presign' && (exported.site?.kind === 'literal' || exported.site?.kind === 'expression');
  });
}

/** The file with those functions' imports blanked and each declared as a presign that signs a type. */
function probeText(text: string, callees: readonly ImportedCallee[]): string {
  const probe = withImportsBlanked(text, callees);
  const stub = (local: string) =>
    `\nfunction ${local}(__sigv4Key) { return __sigv4S3.getSignedUrl('putObject', { Bucket: 'b', Key: __sigv4Key, ContentType: __sigv4Key }); }\n`;
  return probe + callees.map((callee) => stub(callee.local)).join('');
}


/**
 * PUTs without the signed Content-Type to URLs other modules of the run presign, that the file's
 * own lint did not report. The probe's fix is dropped (it would write the stub's type); the
 * codemod writes the literal the real presign signs, or says which expression it signs.
 */
export function planImportedPresignedPuts(sourceFile: SourceFile, context: CrossFileContext, findings: readonly Finding[]): PutAcrossFilesItem[] {
  const text = sourceFile.getFullText();
  if (!mayPutAcrossFiles(text)) return [];
  const callees = presigningCallees(sourceFile, context.resolveImport);
  if (callees.length === 0) return [];
  const linted = context.lintText(sourceFile.getFilePath(), probeText(text, callees));
  if (linted.kind !== 'parsed') return [];
  const own = (range: readonly [number, number]) => findings.some((finding) => finding.ruleId === PUT_RULE && finding.range[0] < range[1] && range[0] < finding.range[1]);
  return linted.findings
    .filter((finding) => finding.ruleId === PUT_RULE && finding.range[1] <= text.length && !own(finding.range))
    .map((probed) => {
      const finding: Finding = { ...probed, fix: undefined, suggestions: probed.suggestions?.filter((suggestion) => suggestion.edit.end <= text.length) };
      const outcome = presignedPutContentType({ ...context, finding, sourceFile, node: nodeAtRange(sourceFile, finding.range) });
      return { rule: PUT_RULE, line: finding.line, column: finding.column, outcome, messageId: finding.messageId, message: finding.message, usesHelper: false };
    });
}
