// Lowering `X-Amz-Expires` in a hand-built presigned URL: the digits in the string, or the value
// spliced into it when nothing else reads that value.
import { Node } from 'ts-morph';
import { referencesTo } from './bindings';
import { literalValueReplacement } from './code-layout';
import { MAX_EXPIRY, loweredValueText } from './expiry-lowering';
import type { ExpiryReplacement } from './expiry-lowering';
import { removalsOfBindingsOnlyReadIn } from './unused-after-edit';

const AMZ_EXPIRES_DIGITS = /x-amz-expires=(\d+)/i;

/** The edit that lowers the reported `X-Amz-Expires` value of `seconds`, or undefined when it is the user's edit. */
export function amzExpiresReplacement(value: Node, seconds: string): ExpiryReplacement | undefined {
  const sourceFile = value.getSourceFile();
  const filePath = sourceFile.getFilePath();
  const text = value.getText();
  const inline = AMZ_EXPIRES_DIGITS.exec(text);
  if (inline?.[1] === seconds && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value) || Node.isTemplateExpression(value))) {
    const start = value.getStart() + inline.index + inline[0].length - seconds.length;
    return { original: seconds, edit: { filePath, start, end: start + seconds.length, text: MAX_EXPIRY }, removals: [] };
  }
  if (Node.isStringLiteral(value) && /^\d+$/.test(value.getLiteralValue())) {
    return { original: seconds, edit: literalValueReplacement(value, MAX_EXPIRY), removals: [] };
  }
  const identifiers = [value, ...value.getDescendants()].filter((node) => Node.isIdentifier(node));
  // A constant used only here can be inlined; one used elsewhere may also feed the signed canonical
  // query, which must carry the same value as the URL, so that is the user's edit.
  const onlyHere = identifiers.every((identifier) => referencesTo(sourceFile, identifier.getText()).length === 1);
  if (!onlyHere) return undefined;
  const span = value.getParent();
  if (Node.isTemplateSpan(span) && span.getExpression() === value) {
    // `…=${EXPIRES}&…` becomes `…=604800&…`: the value joins the template's text.
    const start = sourceFile.getFullText().lastIndexOf('${', value.getStart());
    const end = span.getLiteral().getStart() + 1;
    return { original: text, edit: { filePath, start, end, text: MAX_EXPIRY }, removals: removalsOfBindingsOnlyReadIn(value) };
  }
  if (Node.isExpression(value)) {
    return { original: text, edit: { filePath, start: value.getStart(), end: value.getEnd(), text: loweredValueText(text) }, removals: removalsOfBindingsOnlyReadIn(value) };
  }
  return undefined;
}
