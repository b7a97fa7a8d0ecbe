// Why a presigned PUT's Content-Type could not be written: one sentence naming what the file (and
// an imported presign) does not show. The rule's message says what to do; its docs page, how.
import type { Finding } from '../types';
import type { RequestView } from './put-request-probe';

/** The literal type the URL was presigned with, when the rule saw one. */
export function signedTypeOf(finding: Finding): string | undefined {
  return finding.data?.signedType || undefined;
}

/** Where the signed type is not visible, as far as this file shows. */
function unseenSignedType(view: RequestView | undefined): string {
  const origin = view?.origin;
  if (origin?.kind === 'presign') {
    return origin.contentType.kind === 'expression'
      ? 'The URL is presigned here with a ContentType known only at run time.'
      : 'The URL may come from presigns whose ContentType differs or is not visible.';
  }
  return 'The URL is known only by its name, so the type it was presigned with is not visible here.';
}

/** Why the PUT stays manual; `crossFile` says what an imported presign showed. */
export function missingContentTypeWhy(finding: Finding, view: RequestView | undefined, crossFile: string | undefined): string {
  if (signedTypeOf(finding) !== undefined) {
    return "This request's headers have no place of their own for it (shared, spread, a parameter or a call).";
  }
  return crossFile ?? unseenSignedType(view);
}
