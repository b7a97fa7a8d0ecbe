// The engine's cross-file stage: after a file's own findings are planned, what it does with values
// other modules of the run build (presigns with an S3 client built elsewhere, or built here from an
// aws-sdk another module re-exports). The codemod
// utils do the reading; this stage decides which calls a finding already covered.
import type { Node, SourceFile } from 'ts-morph';
import type { Finding } from '../../codemods/types';
import { planImportedClientPresigns } from '../../codemods/utils/imported-client-presigns';
import type { ImportedClientPresign } from '../../codemods/utils/imported-client-presigns';
import { planReexportedSdkClients } from '../../codemods/utils/reexported-sdk-clients';
import type { ResolveImport } from '../../codemods/utils/module-exports';
import { mayPresignAcrossFiles } from './cross-file-gate';

/** The rule whose defect these items are: they are reported under its name. */
export const CROSS_FILE_RULE = 'require-sigv4-presign';

export type CrossFileItem = ImportedClientPresign;

/** Items for `sourceFile`, skipping any call that holds (or sits in) a finding of the file. */
export function planAcrossFiles(sourceFile: SourceFile, resolveImport: ResolveImport, findings: readonly Finding[]): CrossFileItem[] {
  if (!mayPresignAcrossFiles(sourceFile.getFullText())) return [];
  const isHandled = (call: Node) =>
    findings.some((finding) => finding.ruleId === CROSS_FILE_RULE && finding.range[0] < call.getEnd() && call.getStart() < finding.range[1]);
  return [...planImportedClientPresigns(sourceFile, resolveImport, isHandled), ...planReexportedSdkClients(sourceFile, resolveImport, isHandled)];
}
