// Codemod for sigv4/require-sigv4-presign: gives presigning aws-sdk v2 S3 clients
// `signatureVersion: 'v4'` and lowers presign expiries beyond SigV4's 7 days to 604800 s.
import { Node, SyntaxKind } from 'ts-morph';
import type { BinaryExpression, CallExpression } from 'ts-morph';
import type { Codemod, CodemodContext, CodemodOutcome, TextEdit } from './types';
import { cappedPropertyValue, enclosingExpiryAssignment, expiryAssignmentsOf, expiryCapEdit } from './utils/expiry-assignment';
import { amzExpiresReplacement } from './utils/amz-expires-lowering';
import { MAX_EXPIRY, loweredNote, propertyExpiryReplacement, reportedSeconds } from './utils/expiry-lowering';
import type { ExpiryReplacement } from './utils/expiry-lowering';
import { literalSharingAt, memberWritesOf, objectPlacement, privateConstAt } from './utils/object-holder';
import { isVisiblyAwsEndpointValue } from './utils/aws-endpoint';
import { expiryPlan } from './utils/imported-client-presigns';
import { locatePresigningClient, presignReceiver } from './utils/presigning-client';
import { clientHolderName, presignsOfClient } from './utils/client-presigns';
import { oneLineExcerpt } from './utils/quoted-code';
import { regionNote } from './utils/region-note';
import { leavesUnremovableConstUnused } from './utils/unused-after-edit';
import { adoptRuleFix, adoptRuleSuggestion } from './utils/rule-fixes';
import { enclosingNewExpression, visibleOptionsLiteral } from './utils/sdk-v2-s3-client';

function manualTodo(todo: string): CodemodOutcome {
  return { kind: 'manual', todo };
}

function fixed(edits: TextEdit[], note: string): CodemodOutcome {
  return { kind: 'fixed', edits, note };
}

// ---------------------------------------------------------------------------------------------
// presignWithoutSigV4 / presignWithoutSigV4CustomEndpoint: the client's options.

/**
 * Once the client signs with SigV4, each of its presigns in this file whose expiry is not provably
 * within 7 days is capped, so none throws `InvalidExpiryTime`; manual when one cannot be read.
 */
function withCappedExpiries(context: CodemodContext, outcome: CodemodOutcome): CodemodOutcome {
  if (outcome.kind !== 'fixed') return outcome;
  const construction = enclosingNewExpression(context.node);
  const name = construction && clientHolderName(construction);
  const presigns = name === undefined ? [] : presignsOfClient(context.sourceFile, name);
  const edits = [...outcome.edits];
  let capped = false;
  for (const call of presigns) {
    const plan = expiryPlan(call);
    if (plan.kind === 'manual') {
      return manualTodo(`The \`Expires\` of its presign on line ${call.getStartLineNumber()} is not visibly at most ${MAX_EXPIRY} s: ${plan.why}.`);
    }
    edits.push(...plan.edits);
    capped ||= plan.capped;
  }
  const cappedNote = capped ? `${outcome.note ?? ''} and caps its presigns' \`Expires\` at ${MAX_EXPIRY} s` : outcome.note ?? '';
  return { kind: 'fixed', edits, note: cappedNote + regionNote(enclosingNewExpression(context.node)) };
}

/** The rule's fix, or its suggestion where the options literal is this client's own; else where to write it. */
function addSignatureVersionToClient(context: CodemodContext): CodemodOutcome {
  return withCappedExpiries(context, signatureVersionOutcome(context));
}

function signatureVersionOutcome(context: CodemodContext): CodemodOutcome {
  const note = "adds `signatureVersion: 'v4'` to this S3 client's options";
  const ruleFix = adoptRuleFix(context);
  if (ruleFix?.kind === 'fixed') return { ...ruleFix, note };
  const client = enclosingNewExpression(context.node);
  const suggestion = context.finding.suggestions?.find((candidate) => candidate.messageId === 'addSignatureVersionV4');
  const optionsText = oneLineExcerpt(client?.getArguments()[0]?.getText() ?? 'somewhere this file cannot see');
  if (!client || !suggestion) {
    return manualTodo(`The client's options come from \`${optionsText}\`, which cannot be edited safely here.`);
  }
  const customEndpoint = endpointSetLater(context, suggestion.edit.start);
  if (customEndpoint) return manualTodo(customEndpointTodo(context, `\`${oneLineExcerpt(customEndpoint.getText())}\` (set on line ${customEndpoint.getStartLineNumber()})`));
  // The rule's suggestion edits the options literal: only where nothing but this client reads it.
  const sharing = literalSharingAt(context.sourceFile, suggestion.edit.start, client, 'signatureVersion');
  if (sharing.kind === 'private') {
    const adopted = adoptRuleSuggestion(context, 'addSignatureVersionV4');
    if (adopted?.kind === 'fixed') return { ...adopted, note };
  }
  const name = sharing.kind === 'shared' ? sharing.name : optionsText;
  const why = sharing.kind === 'shared' ? 'which other code uses too, so adding it there would change them as well' : 'which may be used elsewhere';
  return manualTodo(`Its options come from \`${name}\`, ${why}.`);
}

/**
 * `opts.endpoint = …` written after the options literal, to a server that is not visibly AWS: the
 * client is then as custom as one whose literal names that endpoint.
 */
function endpointSetLater(context: CodemodContext, optionsOffset: number): Node | undefined {
  const declaration = privateConstAt(context.sourceFile, optionsOffset);
  const written = declaration ? memberWritesOf(declaration, 'endpoint') : [];
  return written.find((value) => !isVisiblyAwsEndpointValue(value));
}

/** A server that is not visibly AWS may need SigV2 on purpose: the user decides, told what each choice means. */
function customEndpointTodo(context: CodemodContext, endpointText?: string): string {
  const client = enclosingNewExpression(context.node);
  const endpoint = client && visibleOptionsLiteral(client)?.getProperty('endpoint');
  const where = endpointText ?? (endpoint && Node.isPropertyAssignment(endpoint) ? `\`${oneLineExcerpt(endpoint.getInitializerOrThrow().getText())}\`` : undefined);
  return where ? `Its endpoint is ${where}.` : '';
}

// ---------------------------------------------------------------------------------------------
// Expiries: `Expires` (aws-sdk v2), `expiresIn` (v3 presigner), `X-Amz-Expires` (hand-built).

type PlannedExpiry =
  | { kind: 'planned'; replacement: ExpiryReplacement; call: Node | undefined }
  | { kind: 'manual'; todo: string };

/** One branch of the value reported (`a || THIRTY_DAYS`): the whole value capped; `original` empty says so to the note. */
function cappedReplacement(reported: Node, name: string): ExpiryReplacement | undefined {
  const edit = cappedPropertyValue(reported, name);
  return edit && { edit, original: '', removals: [] };
}

/**
 * The value lowered to 604800; or capped whole with Math.min where it is one branch of a longer
 * value, or where lowering would leave a `const` unused that cannot go (`parseInt(env) || 2592000`).
 */
function loweredOrCapped(reported: Node, name: string): ExpiryReplacement | undefined {
  const property = reported.getParent();
  const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  if (value === reported && leavesUnremovableConstUnused(reported)) {
    const edit = { filePath: reported.getSourceFile().getFilePath(), start: reported.getStart(), end: reported.getEnd(), text: `Math.min(${reported.getText()}, ${MAX_EXPIRY})` };
    return { edit, original: '', removals: [] };
  }
  return propertyExpiryReplacement(reported, name) ?? cappedReplacement(reported, name);
}

/** The note for a lowered value, or for a value capped whole. */
function expiryNote(name: string, replacement: ExpiryReplacement, seconds: string): string {
  if (replacement.original !== '') return loweredNote(name, replacement.original, seconds);
  return `caps \`${name}\` (up to ${seconds} s) with \`Math.min(…, ${MAX_EXPIRY})\`, SigV4's 7-day maximum`;
}

/** The lowered property value and the presign call it belongs to, unless other code shares the object. */
function planPropertyExpiry(context: CodemodContext, name: string): PlannedExpiry {
  const replacement = loweredOrCapped(context.node, name);
  const object = replacement && context.node.getFirstAncestorByKind(SyntaxKind.ObjectLiteralExpression);
  if (!replacement || !object) {
    return { kind: 'manual', todo: `The \`${name}\` value cannot be lowered in place.` };
  }
  const placement = objectPlacement(object, name);
  if (placement.kind === 'shared' || placement.kind === 'unknown') {
    const holder = placement.kind === 'shared' ? `\`${placement.name}\`` : 'an object';
    const spread = placement.kind === 'shared' ? placement.name : 'params';
    return {
      kind: 'manual',
      todo: `It sits in ${holder} that other code uses too: override it at the presign call (\`{ ...${spread}, ${name}: ${MAX_EXPIRY} }\`).`,
    };
  }
  const call = placement.kind === 'inPlace' ? placement.call : placement.use.getFirstAncestorByKind(SyntaxKind.CallExpression);
  return { kind: 'planned', replacement, call };
}

function lowerPropertyExpiry(context: CodemodContext, name: string): CodemodOutcome {
  const planned = planPropertyExpiry(context, name);
  if (planned.kind === 'manual') return planned;
  return fixed([planned.replacement.edit, ...planned.replacement.removals], expiryNote(name, planned.replacement, reportedSeconds(context.finding)));
}

/** The presign that reads `name` as its params, when there is exactly one. */
function solePresignWithParams(context: CodemodContext, name: string): CallExpression | undefined {
  const presigns = context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => presignReceiver(call) && call.getArguments()[1]?.getText() === name);
  return presigns.length === 1 ? presigns[0] : undefined;
}

/**
 * `params.Expires = env ? Number(env) : 2592000`: the whole value capped with Math.min (every branch,
 * an env value too), when `params` feeds one presign and nothing else can change it (the edit the
 * client's own SigV4 fix plans for the same presign, so the two collapse).
 */
function capAssignedExpires(context: CodemodContext, assignment: BinaryExpression): CodemodOutcome {
  const seconds = reportedSeconds(context.finding);
  const todo = manualTodo("The assigned `Expires` does not visibly feed one presign only.");
  const name = assignment.getLeft().getChildAtIndex(0).getText();
  const call = solePresignWithParams(context, name);
  const edit = expiryCapEdit(assignment);
  if (!call || !edit || !expiryAssignmentsOf(context.sourceFile, name, call)?.includes(assignment)) return todo;
  const client = locatePresigningClient(context, call);
  if (client?.kind === 'custom') return todo;
  const note = `caps \`Expires\` (up to ${seconds} s) with \`Math.min(…, ${MAX_EXPIRY})\`, SigV4's 7-day maximum`;
  if (client?.kind === 'elsewhere') return fixed([edit, ...client.edits], `${note}, and adds \`signatureVersion: 'v4'\` to its S3 client in ${client.filePath}:${client.line}`);
  return fixed([edit], note);
}

/** aws-sdk v2 `Expires`: lowered, and the client that presigns with it (here or imported) given SigV4 too. */
function lowerSdkV2Expires(context: CodemodContext): CodemodOutcome {
  const assignment = enclosingExpiryAssignment(context.node);
  if (assignment) return capAssignedExpires(context, assignment);
  const planned = planPropertyExpiry(context, 'Expires');
  if (planned.kind === 'manual') return planned;
  const seconds = reportedSeconds(context.finding);
  const note = expiryNote('Expires', planned.replacement, seconds);
  const client = planned.call && locatePresigningClient(context, planned.call);
  if (client?.kind === 'custom') {
    return manualTodo(`Its S3 client (line ${client.line}${client.filePath ? ` of ${client.filePath}` : ''}) uses an endpoint that is not visibly AWS and may keep SigV2, where the expiry may stay.`);
  }
  if (client?.kind === 'elsewhere') {
    return fixed(
      [planned.replacement.edit, ...planned.replacement.removals, ...client.edits],
      `${note}, and adds \`signatureVersion: 'v4'\` to its S3 client in ${client.filePath}:${client.line}`,
    );
  }
  return fixed([planned.replacement.edit, ...planned.replacement.removals], note);
}

/** A hand-built URL's `X-Amz-Expires`: lowered where only the URL reads it (the canonical query must match). */
function lowerAmzExpires(context: CodemodContext): CodemodOutcome {
  const seconds = reportedSeconds(context.finding);
  const replacement = amzExpiresReplacement(context.node, seconds);
  if (replacement) return fixed([replacement.edit, ...replacement.removals], loweredNote('X-Amz-Expires', replacement.original, seconds));
  return manualTodo(`The value \`${oneLineExcerpt(context.node.getText())}\` is used elsewhere too: change it where the canonical query and the URL both read it.`);
}

const requireSigV4Presign: Codemod = (context) => {
  switch (context.finding.messageId) {
    case 'presignWithoutSigV4':
      return addSignatureVersionToClient(context);
    case 'presignWithoutSigV4CustomEndpoint':
      return manualTodo(customEndpointTodo(context));
    case 'expiresBeyondSigV4Limit':
      return lowerSdkV2Expires(context);
    case 'expiresInBeyondSigV4Limit':
      return lowerPropertyExpiry(context, 'expiresIn');
    case 'amzExpiresBeyondSigV4Limit':
      return lowerAmzExpires(context);
    default:
      return manualTodo(context.finding.message);
  }
};

export default requireSigV4Presign;
