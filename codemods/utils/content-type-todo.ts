// Why a presigned PUT's Content-Type could not be written: one sentence naming what the file (and
// an imported presign) does not show. The rule's message says what to do; its docs page, how.
import type { Finding } from '../types';
import type { RequestView, SignedTypeSite } from './put-request-probe';

/** The literal type the URL was presigned with, when the rule saw one. */
export function signedTypeOf(finding: Finding): string | undefined {
  return finding.data?.signedType || undefined;
}

function describeSignedText(site: SignedTypeSite): string {
  if (site.kind === 'literal') return `'${site.text}'`;
  if (site.kind === 'expression') return `\`${site.text}\``;
  return 'a ContentType this file does not show';
}

/** "'image/png' (lines 5, 13), `type` (line 8)": the presigns of the file, grouped by what they sign. */
function describeSites(sites: readonly SignedTypeSite[]): string {
  const lines = new Map<string, number[]>();
  for (const site of sites) lines.set(describeSignedText(site), [...(lines.get(describeSignedText(site)) ?? []), site.line]);
  return [...lines].map(([text, at]) => `${text} (line${at.length > 1 ? 's' : ''} ${at.join(', ')})`).join(', ');
}

/** Where the signed type is not visible, as far as this file shows: the values its presigns sign, when it has some. */
function unseenSignedType(view: RequestView | undefined): string {
  const origin = view?.origin;
  if (origin?.kind === 'presign') {
    const sites = view?.presigns.filter((site) => site.kind !== 'absent') ?? [];
    const listed = sites.length > 0 ? ` (presigns here sign ${describeSites(sites)})` : '';
    return origin.contentType.kind === 'expression'
      ? `The URL is presigned with a ContentType known only at run time${listed}.`
      : `The URL may come from presigns whose ContentType differs or is not visible${listed}.`;
  }
  if (view?.unaskedBy) {
    const { line, callee } = view.unaskedBy;
    return `The URL comes from \`${callee}(…)\` on line ${line}, whose request names no type to sign.`;
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
