// S3 clients built in the presigning file from an aws-sdk that a module of the run re-exports
// (`const AWS = require('./aws')`, where lib/aws.js configures the SDK and `module.exports = AWS`):
// the rule, single-file, cannot tell `AWS` is aws-sdk v2 (issue 9 §2), so the engine gives the client
// `signatureVersion: 'v4'` here and caps each of its presigns' expiries, one item at the client.
import { Node, SyntaxKind } from 'ts-morph';
import type { NewExpression, SourceFile } from 'ts-morph';
import type { CodemodOutcome, TextEdit } from '../types';
import { soleVariableInitializer } from './bindings';
import { relativeSpecifier } from './file-paths';
import { expiryPlan } from './imported-client-presigns';
import type { ImportedClientPresign } from './imported-client-presigns';
import { MAX_EXPIRY } from './expiry-lowering';
import { exportedExpression, importedBinding } from './module-exports';
import type { ResolveImport } from './module-exports';
import { presignReceiver } from './presigning-client';
import { regionNote } from './region-note';
import { hasCustomEndpoint, hasVisibleOption, presignsWithSigV4Anyway } from './sdk-v2-s3-client';
import { signatureVersionEdits } from './signature-version-insertion';

const MAX_DEPTH = 8;

/** The module of the run that hands on the aws-sdk package as `exportName`, if `sourceFile` does (directly or through re-exports). */
function sdkReexporter(sourceFile: SourceFile, exportName: string, resolveImport: ResolveImport, depth = 0): SourceFile | undefined {
  if (depth > MAX_DEPTH || exportName !== 'default') return undefined;
  const exported = exportedExpression(sourceFile, 'default');
  if (!exported || !Node.isIdentifier(exported)) return undefined;
  const imported = importedBinding(sourceFile, exported.getText());
  if (!imported || (imported.exportName !== 'default' && imported.exportName !== '*')) return undefined;
  if (imported.specifier === 'aws-sdk') return sourceFile;
  const next = imported.specifier.startsWith('.') ? resolveImport(sourceFile, imported.specifier) : undefined;
  return next && sdkReexporter(next, 'default', resolveImport, depth + 1);
}

/** `new NS.S3(…)` whose `NS` is imported or required from a module of the run that re-exports aws-sdk; that module. */
function reexportingModule(sourceFile: SourceFile, construction: NewExpression, resolveImport: ResolveImport): SourceFile | undefined {
  const callee = construction.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'S3' || !Node.isIdentifier(callee.getExpression())) return undefined;
  const imported = importedBinding(sourceFile, callee.getExpression().getText());
  if (!imported?.specifier.startsWith('.') || imported.exportName !== 'default') return undefined;
  const exporter = resolveImport(sourceFile, imported.specifier);
  return exporter && sdkReexporter(exporter, 'default', resolveImport);
}

/** The client's presigns in this file and the edits that keep each within SigV4's 7 days; the reason when one cannot be read. */
function cappedPresigns(sourceFile: SourceFile, name: string): { edits: TextEdit[]; capped: boolean } | { why: string; line: number } {
  const edits: TextEdit[] = [];
  let capped = false;
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const receiver = presignReceiver(call);
    if (!receiver || !Node.isIdentifier(receiver) || receiver.getText() !== name) continue;
    const plan = expiryPlan(call);
    if (plan.kind === 'manual') return { why: plan.why, line: call.getStartLineNumber() };
    edits.push(...plan.edits);
    capped ||= plan.capped;
  }
  return { edits, capped };
}

function clientOutcome(sourceFile: SourceFile, construction: NewExpression, name: string, sdkModule: string): CodemodOutcome | undefined {
  const where = `the aws-sdk that ${sdkModule} re-exports`;
  if (hasCustomEndpoint(construction)) {
    return { kind: 'manual', todo: `Built from ${where}, it presigns against an endpoint that is not visibly AWS.` };
  }
  const presigns = cappedPresigns(sourceFile, name);
  const signatureVersion = signatureVersionEdits(sourceFile, construction);
  if ('why' in presigns || !signatureVersion) {
    const why = 'why' in presigns ? `its presign on line ${presigns.line} may exceed ${MAX_EXPIRY} s: ${presigns.why}` : `its options cannot be edited safely here (it is built from ${where})`;
    return { kind: 'manual', todo: `Not rewritten because ${why}.` };
  }
  const capped = presigns.capped ? ` and caps its presigns' \`Expires\` at ${MAX_EXPIRY} s` : '';
  return {
    kind: 'fixed',
    edits: [...signatureVersion, ...presigns.edits],
    note: `adds \`signatureVersion: 'v4'\` to this S3 client, built from ${where}${capped}${regionNote(construction)}`,
  };
}

/** Every presigning `const s3 = new NS.S3(…)` of `sourceFile` built from a re-exported aws-sdk, except those `isHandled` says a finding covered. */
export function planReexportedSdkClients(sourceFile: SourceFile, resolveImport: ResolveImport, isHandled: (node: Node) => boolean): ImportedClientPresign[] {
  const planned: ImportedClientPresign[] = [];
  for (const declaration of sourceFile.getVariableDeclarations()) {
    const construction = Node.isIdentifier(declaration.getNameNode()) ? soleVariableInitializer(sourceFile, declaration.getName()) : undefined;
    if (!Node.isNewExpression(construction) || isHandled(construction) || hasVisibleOption(construction, 'signatureVersion') || presignsWithSigV4Anyway(construction)) continue;
    const sdkModule = reexportingModule(sourceFile, construction, resolveImport);
    if (!sdkModule || sdkModule.getFullText().includes('signatureVersion')) continue;
    const presigns = sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => presignReceiver(call)?.getText() === declaration.getName());
    const outcome = presigns && clientOutcome(sourceFile, construction, declaration.getName(), relativeSpecifier(sourceFile.getFilePath(), sdkModule.getFilePath()));
    if (!outcome) continue;
    const { line, column } = sourceFile.getLineAndColumnAtPos(construction.getStart());
    const messageId = hasCustomEndpoint(construction) ? 'presignWithoutSigV4CustomEndpoint' : 'presignWithoutSigV4';
    planned.push({ line, column, messageId, outcome });
  }
  return planned;
}
