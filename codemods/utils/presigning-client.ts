// Finding the aws-sdk v2 S3 client a `getSignedUrl` call presigns with, built in the same file or
// in a module it imports, and what that client needs for SigV4 presigned URLs.
import { Node } from 'ts-morph';
import type { NewExpression, SourceFile } from 'ts-morph';
import type { CodemodContext, TextEdit } from '../types';
import { soleVariableInitializer } from './bindings';
import { relativeSpecifier } from './file-paths';
import { followExport, importedBinding } from './module-exports';
import type { ResolveImport } from './module-exports';
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

/** `s3` in `s3.getSignedUrl(…)`, or `clients.s3` in `clients.s3.getSignedUrl(…)`. */
export function presignReceiver(call: Node): Node | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !/^getSignedUrl(?:Promise)?$/.test(callee.getName())) return undefined;
  const receiver = callee.getExpression();
  if (Node.isIdentifier(receiver)) return receiver;
  return Node.isPropertyAccessExpression(receiver) && Node.isIdentifier(receiver.getExpression()) ? receiver : undefined;
}

/** An aws-sdk v2 S3 client construction in the module that builds it. */
export interface ImportedConstruction {
  sourceFile: SourceFile;
  construction: NewExpression;
}

/**
 * The S3 client a receiver names when it comes from another module of the run: `s3` imported or
 * required, or `ns.s3` of a namespace import or whole `require()`, followed through re-exports.
 */
export function importedConstruction(sourceFile: SourceFile, receiver: Node, resolveImport: ResolveImport): ImportedConstruction | undefined {
  const local = Node.isPropertyAccessExpression(receiver) ? receiver.getExpression().getText() : receiver.getText();
  const imported = importedBinding(sourceFile, local);
  if (!imported) return undefined;
  const wholeModule = imported.exportName === '*' || imported.exportName === 'default';
  if (Node.isPropertyAccessExpression(receiver) && !wholeModule) return undefined;
  const exportName = Node.isPropertyAccessExpression(receiver) ? receiver.getName() : imported.exportName;
  if (exportName === '*') return undefined;
  const exporter = resolveImport(sourceFile, imported.specifier);
  const found = exporter && followExport(exporter, exportName, resolveImport);
  if (!found || !Node.isNewExpression(found.node) || !looksLikeSdkV2S3Client(found.sourceFile, found.node)) return undefined;
  return { sourceFile: found.sourceFile, construction: found.node };
}

/** A client built in a module the presigning file imports, and the edits that give it SigV4. */
export function importedClient(context: Pick<CodemodContext, 'sourceFile' | 'resolveImport'>, receiver: Node): PresigningClient | undefined {
  const found = importedConstruction(context.sourceFile, receiver, context.resolveImport);
  if (!found) return undefined;
  const { sourceFile: sibling, construction } = found;
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
  const local = Node.isIdentifier(receiver) ? soleVariableInitializer(context.sourceFile, receiver.getText()) : undefined;
  if (local && Node.isNewExpression(local)) {
    return hasCustomEndpoint(local) && !hasVisibleOption(local, 'signatureVersion')
      ? { kind: 'custom', filePath: undefined, line: local.getStartLineNumber() }
      : undefined;
  }
  return importedClient(context, receiver);
}
