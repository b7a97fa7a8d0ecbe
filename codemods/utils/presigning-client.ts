// Finding the aws-sdk v2 S3 client a `getSignedUrl` call presigns with, built in the same file or
// in a module it imports, and what that client needs for SigV4 presigned URLs.
import { Node } from 'ts-morph';
import type { NewExpression, SourceFile } from 'ts-morph';
import type { CodemodContext, TextEdit } from '../types';
import { soleVariableInitializer } from './bindings';
import { innermostExpression } from './expressions';
import { relativeSpecifier } from './file-paths';
import { exportedExpression, importedBinding } from './module-exports';
import { hasCustomEndpoint, hasVisibleOption, looksLikeSdkV2S3Client, presignsWithSigV4Anyway } from './sdk-v2-s3-client';
import { signatureVersionEdits } from './signature-version-insertion';

/**
 * What is known of the presigning client: `custom` when its endpoint is not visibly AWS (then the
 * expiry is the user's call), `elsewhere` with the edits that give a client built in an imported
 * module SigV4 (the rule, single-file, cannot see it); undefined when nothing needs saying.
 */
export type PresigningClient =
  | { kind: 'custom'; filePath: string | undefined; line: number }
  | { kind: 'elsewhere'; filePath: string; line: number; edits: TextEdit[] };

/** `s3` in `s3.getSignedUrl(…)`, when the client is a plain identifier. */
function presignReceiver(call: Node): Node | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !/^getSignedUrl(?:Promise)?$/.test(callee.getName())) return undefined;
  const receiver = callee.getExpression();
  return Node.isIdentifier(receiver) ? receiver : undefined;
}

/** The `new …(…)` an export names: `export const s3 = new S3()`, `module.exports = s3`, `exports.s3 = …`, `export { s3 }`. */
function exportedConstruction(sourceFile: SourceFile, exportName: string): NewExpression | undefined {
  const exported = exportedExpression(sourceFile, exportName);
  const value = exported && innermostExpression(exported);
  if (value && Node.isNewExpression(value)) return value;
  if (value && Node.isIdentifier(value)) {
    const initializer = soleVariableInitializer(sourceFile, value.getText());
    return initializer && Node.isNewExpression(initializer) ? initializer : undefined;
  }
  return undefined;
}

/** A client built in a module the presigning file imports, and the edits that give it SigV4. */
function importedClient(context: CodemodContext, name: string): PresigningClient | undefined {
  const imported = importedBinding(context.sourceFile, name);
  const sibling = imported && context.resolveImport(context.sourceFile, imported.specifier);
  const construction = sibling && exportedConstruction(sibling, imported.exportName);
  if (!sibling || !construction || !looksLikeSdkV2S3Client(sibling, construction)) return undefined;
  // Anything mentioning signatureVersion (the options, a global config) is no-legacy-signature's or the user's.
  if (sibling.getFullText().includes('signatureVersion')) return undefined;
  const filePath = relativeSpecifier(context.sourceFile.getFilePath(), sibling.getFilePath());
  const line = construction.getStartLineNumber();
  if (hasCustomEndpoint(construction)) return { kind: 'custom', filePath, line };
  if (presignsWithSigV4Anyway(construction)) return undefined;
  const edits = signatureVersionEdits(sibling, construction);
  return edits && { kind: 'elsewhere', filePath, line, edits };
}

/** The client the presign `call` (when it is `client.getSignedUrl(…)`) uses, as far as it matters here. */
export function locatePresigningClient(context: CodemodContext, call: Node): PresigningClient | undefined {
  const receiver = presignReceiver(call);
  if (!receiver) return undefined;
  const name = receiver.getText();
  const local = soleVariableInitializer(context.sourceFile, name);
  if (local && Node.isNewExpression(local)) {
    return hasCustomEndpoint(local) && !hasVisibleOption(local, 'signatureVersion')
      ? { kind: 'custom', filePath: undefined, line: local.getStartLineNumber() }
      : undefined;
  }
  return importedClient(context, name);
}
