// Presigns of an aws-sdk v2 S3 client built in another module of the run (issue 9 §2): the rules,
// single-file, cannot see that the client lacks SigV4. The builder gets `signatureVersion: 'v4'`,
// and each presign's expiry that is not provably within SigV4's 7 days is capped with Math.min, so
// no presign of the migrated client throws `InvalidExpiryTime`.
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import type { CodemodOutcome, TextEdit } from '../types';
import { constantNumber } from './constant-number';
import { expiryAssignmentsOf, expiryCapEdit } from './expiry-assignment';
import { MAX_EXPIRY, propertyExpiryReplacement } from './expiry-lowering';
import { soleVariableInitializer } from './bindings';
import { findProperty, innermostExpression, isPlainReference } from './expressions';
import type { ResolveImport } from './module-exports';
import { importedClient, presignReceiver } from './presigning-client';

/** A presign the engine found across files, where it is, and what was done or is left to do. */
export interface ImportedClientPresign {
  line: number;
  column: number;
  outcome: CodemodOutcome;
  /** The require-sigv4-presign message the item carries, as if the client were built in this file. */
  messageId: 'presignWithoutSigV4' | 'presignWithoutSigV4CustomEndpoint';
}

export type ExpiryPlan = { kind: 'edits'; edits: TextEdit[]; capped: boolean } | { kind: 'manual'; why: string };

const CAPPED = (expression: string) => `Math.min(${expression}, ${MAX_EXPIRY})`;

/** `Expires` in a params literal: kept when provably within 7 days, lowered when provably over, else capped. */
function literalExpiryPlan(params: ObjectLiteralExpression): ExpiryPlan {
  const property = findProperty(params, 'Expires');
  if (!property) {
    const spread = params.getProperties().some((candidate) => Node.isSpreadAssignment(candidate));
    return spread ? { kind: 'manual', why: 'its params spread another object that may set `Expires`' } : { kind: 'edits', edits: [], capped: false };
  }
  const value = Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : undefined;
  if (!value) return { kind: 'manual', why: '`Expires` is not a plain property' };
  const seconds = constantNumber(value);
  if (seconds !== undefined && seconds <= Number(MAX_EXPIRY)) return { kind: 'edits', edits: [], capped: false };
  if (seconds !== undefined) {
    const lowered = propertyExpiryReplacement(value, 'Expires');
    return lowered ? { kind: 'edits', edits: [lowered.edit, ...lowered.removals], capped: true } : { kind: 'manual', why: '`Expires` cannot be lowered in place' };
  }
  const filePath = value.getSourceFile().getFilePath();
  const edit = Node.isShorthandPropertyAssignment(property)
    ? { filePath, start: property.getStart(), end: property.getEnd(), text: `Expires: ${CAPPED(value.getText())}` }
    : { filePath, start: value.getStart(), end: value.getEnd(), text: CAPPED(value.getText()) };
  return { kind: 'edits', edits: [edit], capped: true };
}

/** The expiry edits a presign needs once its client signs with SigV4. */
export function expiryPlan(call: CallExpression): ExpiryPlan {
  const params = call.getArguments()[1];
  if (!params) return { kind: 'edits', edits: [], capped: false };
  const unwrapped = innermostExpression(params);
  if (Node.isObjectLiteralExpression(unwrapped)) return literalExpiryPlan(unwrapped);
  if (!isPlainReference(unwrapped)) return { kind: 'manual', why: `its params (\`${unwrapped.getText()}\`) cannot be read here` };
  const initializer = Node.isIdentifier(unwrapped) ? soleVariableInitializer(call.getSourceFile(), unwrapped.getText()) : undefined;
  // The literal says what `Expires` is only when no other code can set it: else capped at the call below.
  const assignments = initializer && expiryAssignmentsOf(call.getSourceFile(), unwrapped.getText(), call);
  if (assignments && assignments.length > 0 && Node.isObjectLiteralExpression(initializer) && !findProperty(initializer, 'Expires')) {
    const edits = assignments.flatMap((assignment) => expiryCapEdit(assignment) ?? []);
    return { kind: 'edits', edits, capped: edits.length > 0 };
  }
  if (assignments && assignments.length === 0 && Node.isObjectLiteralExpression(initializer)) {
    // Provably over 7 days is the rule's own report there (lowered, or listed when the object is shared).
    const plan = literalExpiryPlan(initializer);
    if (plan.kind === 'edits' && plan.edits.length === 0) return plan;
    const expires = findProperty(initializer, 'Expires');
    const value = Node.isPropertyAssignment(expires) ? expires.getInitializer() : undefined;
    if (value && constantNumber(value) !== undefined) return { kind: 'edits', edits: [], capped: false };
  }
  // `params` read twice is the same object: cap its Expires for this presign only.
  const name = unwrapped.getText();
  const text = `{ ...${name}, Expires: ${CAPPED(`${name}.Expires ?? 900`)} }`;
  return { kind: 'edits', edits: [{ filePath: call.getSourceFile().getFilePath(), start: params.getStart(), end: params.getEnd(), text }], capped: true };
}

function presignOutcome(call: CallExpression, sourceFile: SourceFile, resolveImport: ResolveImport): Omit<ImportedClientPresign, 'line' | 'column'> | undefined {
  const receiver = presignReceiver(call);
  const client = receiver && importedClient({ sourceFile, resolveImport }, receiver);
  if (!client) return undefined;
  const where = `${client.filePath}:${client.line}`;
  if (client.kind === 'custom') {
    return { messageId: 'presignWithoutSigV4CustomEndpoint', outcome: { kind: 'manual', todo: `The S3 client is built in ${where}.` } };
  }
  const expiry = expiryPlan(call);
  if (expiry.kind === 'manual') {
    return { messageId: 'presignWithoutSigV4', outcome: { kind: 'manual', todo: `The S3 client is built in ${where}, and this presign's \`Expires\` is not visibly at most ${MAX_EXPIRY} s: ${expiry.why}.` } };
  }
  const capped = expiry.capped ? ` and caps this presign's \`Expires\` at ${MAX_EXPIRY} s` : '';
  return {
    messageId: 'presignWithoutSigV4',
    outcome: { kind: 'fixed', edits: [...client.edits, ...expiry.edits], note: `adds \`signatureVersion: 'v4'\` to the S3 client in ${where}${capped}` },
  };
}

/** Every `client.getSignedUrl…(…)` of `sourceFile` whose client another module builds, except those `isHandled` says a finding covered. */
export function planImportedClientPresigns(sourceFile: SourceFile, resolveImport: ResolveImport, isHandled: (call: Node) => boolean): ImportedClientPresign[] {
  const planned: ImportedClientPresign[] = [];
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (!presignReceiver(call) || isHandled(call)) continue;
    const item = presignOutcome(call, sourceFile, resolveImport);
    if (!item) continue;
    const { line, column } = sourceFile.getLineAndColumnAtPos(call.getStart());
    planned.push({ line, column, ...item });
  }
  return planned;
}
