// Codemod for sigv4/presigned-put-content-type: a PUT to a presigned URL gets the Content-Type the
// URL was signed with. The rule's own fix (a visible signed literal, or a File/Blob body's `.type`)
// is adopted as is; a guessed value is never written, it becomes a precise to-do instead.
import { Node } from 'ts-morph';
import type { CodemodContext, CodemodOutcome, RuleSuggestion } from './types';
import { adoptRuleFix, adoptRuleSuggestion } from './utils/rule-fixes';

/** What each report says the client sends today, for the to-do. */
const SENT_NOW: Readonly<Record<string, string>> = {
  noContentTypeSent: 'it sends no Content-Type',
  textPlainSent: "it sends 'text/plain;charset=UTF-8'",
  formUrlencodedSent: "it sends 'application/x-www-form-urlencoded'",
  jsonSent: "it sends 'application/json'",
  bodyTypeSent: "it sends the body's own type",
};

/** The header value the rule's `addContentType` suggestion would write (from its description). */
function suggestedValue(suggestion: RuleSuggestion): string | undefined {
  return /^Send Content-Type (.+) with the upload \(/.exec(suggestion.description)?.[1];
}

/** Why the suggested value is only a guess, and what to send instead. */
function adviseValue(value: string | undefined): string {
  if (value === undefined) return 'the exact type the URL was presigned with';
  if (/^['"`]application\/octet-stream['"`]$/.test(value)) {
    return `the exact type the URL was presigned with (${value} only if the presign used it)`;
  }
  if (/^['"`]application\/json['"`]$/.test(value)) {
    return `the exact type the URL was presigned with (the client already sends ${value}: making it explicit fixes nothing unless the presign used it)`;
  }
  return `${value} if the body is a File/Blob and the URL was presigned with that type (the usual browser flow: the server signs the type the client reports), otherwise the exact presigned type`;
}

function manualAddHeader(context: CodemodContext): CodemodOutcome {
  const { finding } = context;
  const suggestion = finding.suggestions?.find((candidate) => candidate.messageId === 'addContentType');
  const sentNow = SENT_NOW[finding.messageId] ?? 'its Content-Type is not the signed one';
  const where = suggestion
    ? ''
    : ' The headers are not an inline object literal here (a variable or a shared options object): add it where they are built, for this request only.';
  return {
    kind: 'manual',
    todo:
      `Set the Content-Type header of this presigned PUT (${sentNow}, and S3 answers 403 SignatureDoesNotMatch unless it equals the signed type, byte for byte) to ` +
      `${adviseValue(suggestion && suggestedValue(suggestion))}. The signed type is not visible in this file (the URL is known by its name, or presigned with a non-literal ContentType), so it was not added automatically.${where}`,
  };
}

/** Expressions a replaced header value may sit in while still belonging to this one request. */
function isValueWrapper(node: Node): boolean {
  return (
    Node.isPropertyAssignment(node) ||
    Node.isObjectLiteralExpression(node) ||
    Node.isParenthesizedExpression(node) ||
    Node.isAsExpression(node) ||
    Node.isSatisfiesExpression(node) ||
    Node.isNewExpression(node)
  );
}

/**
 * The declared name of a headers/options object the value lives in when that object is used more
 * than once (replacing the value would change the other requests too); undefined when it is safe.
 */
function sharedHolderName(value: Node): string | undefined {
  let current: Node = value;
  while (isValueWrapper(current.getParentOrThrow())) current = current.getParentOrThrow();
  const holder = current.getParentOrThrow();
  if (!Node.isVariableDeclaration(holder)) return undefined;
  const name = holder.getName();
  const uses = holder
    .getSourceFile()
    .getDescendants()
    .filter((node) => Node.isIdentifier(node) && node.getText() === name && node !== holder.getNameNode());
  return uses.length === 1 ? undefined : name;
}

function fixMismatch(context: CodemodContext): CodemodOutcome {
  const { finding, node } = context;
  const signed = /presigned for '([^']*)'/.exec(finding.message)?.[1] ?? '';
  const shared = sharedHolderName(node);
  const adopted = shared === undefined ? adoptRuleSuggestion(context, 'useSignedContentType') : undefined;
  if (adopted?.kind === 'fixed') {
    return { ...adopted, note: `Content-Type set to '${signed}', the type the URL was presigned with.` };
  }
  return {
    kind: 'manual',
    todo: shared
      ? `${finding.message} Send '${signed}' as this upload's Content-Type: \`${shared}\` is used elsewhere too, so its value was not changed in place.`
      : `${finding.message} Send '${signed}' as this upload's Content-Type.`,
  };
}

function fixedNote(context: CodemodContext): string {
  const signed = /presigned for (?:exactly )?'([^']*)'/.exec(context.finding.message)?.[1];
  return signed !== undefined
    ? `Content-Type '${signed}' added, the type the URL was presigned with.`
    : "Content-Type added from the File/Blob body's own `.type`.";
}

export default function presignedPutContentType(context: CodemodContext): CodemodOutcome {
  if (context.finding.messageId === 'contentTypeMismatch') return fixMismatch(context);
  const adopted = adoptRuleFix(context);
  if (adopted?.kind === 'fixed') return { ...adopted, note: fixedNote(context) };
  return manualAddHeader(context);
}
