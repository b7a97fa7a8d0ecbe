// The engine's cross-file stage for presigned PUTs (issue 9 §2): an upload to a URL that a function
// of another module presigns with a Content-Type, whose name alone (`url`) does not tell the rule it
// is presigned. The rule is run on the file with each such function stubbed by a presign that signs
// a type; the PUTs it then reports go to the codemod, which reads the real presign across files.
import type { SourceFile } from 'ts-morph';
import presignedPutContentType from '../../codemods/presigned-put-content-type';
import type { CodemodContext, CodemodOutcome, Finding } from '../../codemods/types';
import { suggestionWithValue } from '../../codemods/utils/content-type-suggestion';
import { relativePath } from '../../codemods/utils/file-paths';
import { importedCallees, stubDeclarations, withImportsBlanked } from '../../codemods/utils/imported-callees';
import type { ImportedCallee } from '../../codemods/utils/imported-callees';
import type { ResolveImport } from '../../codemods/utils/module-exports';
import { readExportedPresign } from '../../codemods/utils/put-request-probe';
import type { SignedTypeSite } from '../../codemods/utils/put-request-probe';
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

/** An imported function whose module presigns a PUT URL with a Content-Type and returns it. */
interface PresigningCallee {
  callee: ImportedCallee;
  /** The signed type as written there, and `file:line` of the presign, relative to the importing file. */
  site: SignedTypeSite;
  where: string;
}

/** Words every presign the rule reads contains (aws-sdk v2 and v3). */
const PRESIGN_NEEDLE = /getSignedUrl|createPresignedPost|presign/i;

function presigningCallees(sourceFile: SourceFile, resolveImport: ResolveImport): PresigningCallee[] {
  return importedCallees(sourceFile).flatMap((callee) => {
    const module = resolveImport(sourceFile, callee.specifier);
    // Most imported functions are not presigners: their module is not parsed again.
    if (!module || !PRESIGN_NEEDLE.test(module.getFullText())) return [];
    const exported = readExportedPresign(module.getFilePath(), module.getFullText(), callee.exportName, undefined);
    const site = exported?.site;
    if (exported?.origin?.kind !== 'presign' || (site?.kind !== 'literal' && site?.kind !== 'expression')) return [];
    return [{ callee, site, where: `${relativePath(sourceFile.getFilePath(), module.getFilePath())}:${site.line}` }];
  });
}

/** A presign that signs a Content-Type: what makes the rule check the PUTs to its URL. */
const TYPED_PRESIGN = (parameter: string) =>
  `return __sigv4S3.getSignedUrl('putObject', { Bucket: 'b', Key: ${parameter}, ContentType: ${parameter} });`;

/** The file with the imports of `callees` blanked, and `stubbed` declared as a presign that signs a type. */
function probeText(text: string, callees: readonly ImportedCallee[], stubbed: ImportedCallee): string {
  const blanked = withImportsBlanked(text, callees);
  return blanked + stubDeclarations([stubbed], blanked.length, TYPED_PRESIGN).text;
}

/** The codemod's fix (it follows plain imports), else the literal the stubbed function's presign signs. */
function putOutcome(context: CodemodContext, presigning: PresigningCallee): CodemodOutcome {
  const outcome = presignedPutContentType(context);
  const suggestion = context.finding.suggestions?.find((candidate) => candidate.messageId === 'addContentType');
  const literal = presigning.site.kind === 'literal' ? presigning.site.text : undefined;
  if (outcome.kind === 'fixed' || literal === undefined || !suggestion) return outcome;
  const edit = suggestionWithValue(context, suggestion, literal);
  return edit ? { kind: 'fixed', edits: [edit], note: `adds Content-Type '${literal}', the type the URL was presigned with in ${presigning.where}` } : outcome;
}

/**
 * PUTs without the signed Content-Type to URLs other modules of the run presign, that the file's
 * own lint did not report. The probe's fix is dropped (it would write the stub's type); the
 * codemod writes the literal the real presign signs, or says which expression it signs.
 */
export function planImportedPresignedPuts(sourceFile: SourceFile, context: CrossFileContext, findings: readonly Finding[]): PutAcrossFilesItem[] {
  const text = sourceFile.getFullText();
  if (!mayPutAcrossFiles(text)) return [];
  const presigning = presigningCallees(sourceFile, context.resolveImport);
  const callees = presigning.map((entry) => entry.callee);
  const seen: Finding[] = findings.filter((finding) => finding.ruleId === PUT_RULE);
  const overlapsSeen = (range: readonly [number, number]) => seen.some((finding) => finding.range[0] < range[1] && range[0] < finding.range[1]);
  const items: PutAcrossFilesItem[] = [];
  // One probe per function, so each PUT it reveals is known to go to that function's URL.
  for (const entry of presigning) {
    const linted = context.lintText(sourceFile.getFilePath(), probeText(text, callees, entry.callee));
    if (linted.kind !== 'parsed') continue;
    for (const probed of linted.findings.filter((finding) => finding.ruleId === PUT_RULE && finding.range[1] <= text.length && !overlapsSeen(finding.range))) {
      seen.push(probed);
      const finding: Finding = { ...probed, fix: undefined, suggestions: probed.suggestions?.filter((suggestion) => suggestion.edit.end <= text.length) };
      const outcome = putOutcome({ ...context, finding, sourceFile, node: nodeAtRange(sourceFile, finding.range) }, entry);
      items.push({ rule: PUT_RULE, line: finding.line, column: finding.column, outcome, messageId: finding.messageId, message: finding.message, usesHelper: false });
    }
  }
  return items;
}
