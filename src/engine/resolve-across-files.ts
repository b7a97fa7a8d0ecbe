// The engine's cross-file stage: after a file's own findings are planned, what it does with values
// other modules of the run build (presigns with an S3 client built elsewhere, or built here from an
// aws-sdk another module re-exports; a canonical query a function of another module builds; a PUT
// to a URL another module presigns). The codemod utils do the reading; this stage decides which
// calls a finding already covered.
import type { Node, Project, SourceFile } from 'ts-morph';
import type { Finding, HelperImports } from '../../codemods/types';
import { planImportedClientPresigns } from '../../codemods/utils/imported-client-presigns';
import type { ImportedClientPresign } from '../../codemods/utils/imported-client-presigns';
import { planReexportedSdkClients } from '../../codemods/utils/reexported-sdk-clients';
import { mayPresignAcrossFiles } from './cross-file-gate';
import type { LintText } from './lint';
import { planImportedPresignedPuts } from './put-across-files';
import type { PutAcrossFilesItem } from './put-across-files';
import { planImportedQueryBuilders } from './query-across-files';
import type { QueryAcrossFilesItem } from './query-across-files';
import type { ResolveImport } from '../../codemods/utils/module-exports';

/** What the cross-file stage works with: the run's other files, the rules (for probes), the helper (for rewrites). */
export interface CrossFileContext {
  resolveImport: ResolveImport;
  lintText: LintText;
  helper: HelperImports;
  project: Project;
}

/** The rule whose defect presign items are: they are reported under its name. */
export const CROSS_FILE_RULE = 'require-sigv4-presign' as const;

/** An item found across files, under the rule whose defect it is (the message when the rule's wording needs the report's data). */
export type CrossFileItem = (ImportedClientPresign & { rule: typeof CROSS_FILE_RULE; message?: undefined; usesHelper?: undefined }) | QueryAcrossFilesItem | PutAcrossFilesItem;

/** Items for `sourceFile`, skipping any call that holds (or sits in) a finding of the file. */
export function planAcrossFiles(sourceFile: SourceFile, context: CrossFileContext, findings: readonly Finding[]): CrossFileItem[] {
  const queries = [...planImportedQueryBuilders(sourceFile, context), ...planImportedPresignedPuts(sourceFile, context, findings)];
  if (!mayPresignAcrossFiles(sourceFile.getFullText())) return queries;
  const isHandled = (call: Node) =>
    findings.some((finding) => finding.ruleId === CROSS_FILE_RULE && finding.range[0] < call.getEnd() && call.getStart() < finding.range[1]);
  const presigns = [...planImportedClientPresigns(sourceFile, context.resolveImport, isHandled), ...planReexportedSdkClients(sourceFile, context.resolveImport, isHandled)];
  return [...presigns.map((item) => ({ ...item, rule: CROSS_FILE_RULE })), ...queries];
}
