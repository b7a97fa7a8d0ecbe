// The to-do for a presigned PUT whose Content-Type could not be written: what the client sends
// now, and where the signed type is, as far as the file (and an imported presign) shows it.
import type { Finding } from '../types';
import { suggestedValue } from './content-type-suggestion';
import type { RequestView, SignedTypeSite } from './put-request-probe';

/** What each report says the client sends today. */
const SENT_NOW: Readonly<Record<string, string>> = {
  noContentTypeSent: 'it sends no Content-Type',
  textPlainSent: "it sends 'text/plain;charset=UTF-8'",
  formUrlencodedSent: "it sends 'application/x-www-form-urlencoded'",
  jsonSent: "it sends 'application/json'",
  bodyTypeSent: "it sends the body's own type",
  unsignedContentTypeNotSent: 'it does not send that type',
};

/** What S3 does with a PUT without the presigned type: 403 when the presign signed it, else it stores the wrong type. */
function consequenceOf(finding: Finding): string {
  return finding.messageId === 'unsignedContentTypeNotSent'
    ? 'S3 accepts the upload but stores the object without that type (it is later served as binary/octet-stream or the type sent)'
    : 'S3 answers 403 SignatureDoesNotMatch';
}

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

/** Where the signed type is, as far as this file (and an imported presigning function) shows. */
function describeSignedSource(view: RequestView | undefined, crossFile: string | undefined): string {
  if (crossFile) return crossFile;
  const origin = view?.origin;
  if (origin?.kind === 'presign') {
    const sites = view?.presigns.filter((site) => site.kind !== 'absent') ?? [];
    const listed = sites.length > 0 ? ` (presigns in this file sign ${describeSites(sites)})` : '';
    return origin.contentType.kind === 'expression'
      ? `The URL is presigned here with a ContentType known only at run time${listed}; send that same value.`
      : `The URL may come from presigns whose ContentType differs or is not visible${listed}; send the one that signed this URL.`;
  }
  if (view?.unaskedBy) {
    const { line, callee } = view.unaskedBy;
    return `The URL comes from \`${callee}(…)\` on line ${line}, whose request names no type to sign, so the type your server signs is not visible here: send that type, or have the server take the type in that request (and send the same value here) or return it with the URL.`;
  }
  return 'The URL is known only by its name, so the signed type is not visible here: if it comes from your server, send the type you asked it to sign (often the File\'s `type`).';
}

/** Why the suggested value is only a guess. */
function adviseValue(value: string | undefined): string {
  if (value === undefined) return '';
  if (/^['"`]application\/json['"`]$/.test(value)) return ` The client already sends ${value}: writing it explicitly fixes nothing unless the presign used it.`;
  if (/^['"`]/.test(value)) return ` ${value} is only right if the presign used it.`;
  return ` \`${value}\` is right when the body is a File/Blob and the URL was presigned with its type.`;
}

/** The to-do for a PUT that needs the signed Content-Type; `crossFile` says what an imported presign showed. */
export function missingContentTypeTodo(finding: Finding, view: RequestView | undefined, crossFile: string | undefined): string {
  const suggestion = finding.suggestions?.find((candidate) => candidate.messageId === 'addContentType');
  const sentNow = SENT_NOW[finding.messageId] ?? 'its Content-Type is not the signed one';
  const signed = signedTypeOf(finding);
  if (signed !== undefined) {
    return (
      `Send Content-Type '${signed}' (the type the URL was presigned with) on this PUT: ${sentNow}, and ${consequenceOf(finding)}. ` +
      'It was not added automatically because the request has no place of its own for it (its headers or options object is also used by other code, or comes from a spread, a parameter or a call; or the XHR `open` is not a statement of its own): add it where this request\'s headers are built, for this request only.'
    );
  }
  return (
    `Send the exact Content-Type the URL was presigned with on this PUT (${sentNow}; ${
      finding.messageId === 'unsignedContentTypeNotSent' ? consequenceOf(finding) : 'S3 answers 403 SignatureDoesNotMatch for any other, byte for byte'
    }). ` +
    `${describeSignedSource(view, crossFile)}${adviseValue(suggestion && suggestedValue(suggestion))}`
  );
}
