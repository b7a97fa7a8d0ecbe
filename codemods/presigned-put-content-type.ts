// Codemod for sigv4/presigned-put-content-type: a PUT to a presigned URL gets the Content-Type the
// URL was signed with. The rule's own fix (a visible signed literal, or a File/Blob body's `.type`)
// is adopted as is; across files, a URL returned by an imported function gets the literal its
// presign signed; a guessed value is never written, it becomes a precise to-do instead.
import type { Codemod, CodemodContext, CodemodOutcome } from './types';
import { requoted, suggestionWithExpression, suggestionWithValue } from './utils/content-type-suggestion';
import type { RequestedType } from './utils/content-type-requested';
import { missingContentTypeWhy, signedTypeOf } from './utils/content-type-todo';
import { followImportedPresign } from './utils/imported-presign';
import { sharedRequestHolderName } from './utils/object-holder';
import { readPutRequest } from './utils/put-request-probe';
import type { RequestView } from './utils/put-request-probe';
import { adoptRuleFix, adoptRuleSuggestion } from './utils/rule-fixes';

function fixedNote(context: CodemodContext): string {
  const signed = signedTypeOf(context.finding);
  return signed !== undefined
    ? `adds Content-Type '${signed}', the type the URL was presigned with`
    : "adds Content-Type from the File/Blob body's own `.type`";
}

/** Where the code asked for the type: its own server's presign request, or a presign of this file. */
function describeRequested(requested: RequestedType): string {
  return requested.askedOf === 'server'
    ? `the type this code asks the server to sign on line ${requested.line}`
    : `the type this code presigns the URL with on line ${requested.line}`;
}

/** The header with the type the code asked to have signed, where the request that produced the URL shows it. */
function addRequestedType(context: CodemodContext, view: RequestView | undefined): CodemodOutcome | undefined {
  const requested = view?.requested;
  const suggestion = context.finding.suggestions?.find((candidate) => candidate.messageId === 'addContentType');
  const edit = requested && suggestion && suggestionWithExpression(context, suggestion, requoted(suggestion, requested.text));
  return edit && requested ? { kind: 'fixed', edits: [edit], note: `adds Content-Type \`${requested.text}\`, ${describeRequested(requested)}` } : undefined;
}

/** A FormData body around one value: that value sent instead, with the type the code asked to have signed. */
function sendFormValue(context: CodemodContext): CodemodOutcome {
  const { finding, sourceFile } = context;
  const view = readPutRequest(sourceFile.getFilePath(), sourceFile.getFullText(), finding.range);
  const { requested, formDataEdits } = view ?? {};
  if (requested && formDataEdits) {
    const filePath = sourceFile.getFilePath();
    return {
      kind: 'fixed',
      edits: formDataEdits.map((edit) => ({ filePath, ...edit })),
      note: `sends the value the FormData body wrapped, with Content-Type \`${requested.text}\`, ${describeRequested(requested)}`,
    };
  }
  const why = requested
    ? `The form is not built here around exactly one value; send that value with Content-Type \`${requested.text}\`, ${describeRequested(requested)}.`
    : 'A multipart form body is not what the URL was presigned for; send the file itself with its signed type.';
  return { kind: 'manual', todo: why };
}

/** A PUT that sends no or the wrong default Content-Type: the rule's fix, else the literal an imported presign signed. */
function addContentType(context: CodemodContext): CodemodOutcome {
  const adopted = adoptRuleFix(context);
  if (adopted?.kind === 'fixed') return { ...adopted, note: fixedNote(context) };
  const { finding, sourceFile } = context;
  const view = readPutRequest(sourceFile.getFilePath(), sourceFile.getFullText(), finding.range);
  const imported = followImportedPresign(context, view);
  const suggestion = finding.suggestions?.find((candidate) => candidate.messageId === 'addContentType');
  if (imported.literal !== undefined && suggestion) {
    const edit = suggestionWithValue(context, suggestion, imported.literal);
    if (edit) {
      return { kind: 'fixed', edits: [edit], note: `adds Content-Type '${imported.literal}', the type the URL was presigned with in ${imported.description}` };
    }
  }
  const requested = imported.literal === undefined ? addRequestedType(context, view) : undefined;
  if (requested) return requested;
  if (imported.unsignedAt !== undefined) {
    return { kind: 'manual', todo: `The URL is presigned in ${imported.unsignedAt} without a ContentType, so any type uploads: disable the rule on this line.` };
  }
  const importedWhy = imported.literal !== undefined ? `The URL is presigned in ${imported.description} with '${imported.literal}'.` : imported.description;
  return { kind: 'manual', todo: missingContentTypeWhy(finding, view, importedWhy) };
}

/** A Content-Type other than the signed one: replaced where only this request reads it. */
function useSignedContentType(context: CodemodContext): CodemodOutcome {
  const { finding, node } = context;
  const signed = signedTypeOf(finding) ?? '';
  const shared = sharedRequestHolderName(node);
  const adopted = shared === undefined ? adoptRuleSuggestion(context, 'useSignedContentType') : undefined;
  if (adopted?.kind === 'fixed') return { ...adopted, note: `sets Content-Type to '${signed}', the type the URL was presigned with` };
  return { kind: 'manual', todo: shared ? `\`${shared}\` is used by other code too, so its value is left as it is.` : '' };
}

/** Reports of a header other than the signed type, whether the presign signs it (403) or not (stored with the wrong type). */
const MISMATCH_MESSAGE_IDS = new Set(['contentTypeMismatch', 'unsignedContentTypeMismatch']);

const presignedPutContentType: Codemod = (context) => {
  if (context.finding.messageId === 'formDataSent') return sendFormValue(context);
  return MISMATCH_MESSAGE_IDS.has(context.finding.messageId) ? useSignedContentType(context) : addContentType(context);
};

export default presignedPutContentType;
