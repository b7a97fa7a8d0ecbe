// Lowering a presign expiry beyond SigV4's 7 days to 604800 s, with the old value kept readable in
// place and a note that says the URLs now expire sooner.
import { Node } from 'ts-morph';
import { MAX_SIGV4_EXPIRY_SECONDS } from '../../rules/require-sigv4-presign';
import type { Finding, TextEdit } from '../types';
import { oneLine, oneLineExcerpt } from './quoted-code';
import { removalsOfBindingsOnlyReadIn } from './unused-after-edit';

export const MAX_EXPIRY = String(MAX_SIGV4_EXPIRY_SECONDS);

/** The expiry the rule computed and reported with its finding. */
export function reportedSeconds(finding: Finding): string {
  return finding.data?.seconds ?? 'more than 604800';
}

/** `604800 /* SigV4 maximum (7 days); was X *\/`: the old value stays readable where it was. */
export function loweredValueText(original: string): string {
  const flat = oneLine(original);
  const safe = !flat.includes('*/') && flat.length <= 60;
  return safe ? `${MAX_EXPIRY} /* SigV4 maximum (7 days); was ${flat} */` : MAX_EXPIRY;
}

export function loweredNote(name: string, original: string, seconds: string): string {
  const from = original === seconds ? `${seconds} s` : `\`${oneLineExcerpt(original)}\` (${seconds} s)`;
  return `lowers \`${name}\` from ${from} to ${MAX_EXPIRY} s, SigV4's 7-day maximum`;
}

/** The edit that lowers a reported value, and the value's text as written (for the note). */
export interface ExpiryReplacement {
  edit: TextEdit;
  original: string;
  /** The `const`s only the old value read, removed so no-unused-vars has nothing to say. */
  removals: TextEdit[];
}

/** Replaces the reported property value (`Expires: v`, `{ Expires }`) with 604800. */
export function propertyExpiryReplacement(value: Node, name: string): ExpiryReplacement | undefined {
  const parent = value.getParent();
  const filePath = value.getSourceFile().getFilePath();
  const original = value.getText();
  if (Node.isPropertyAssignment(parent) && parent.getInitializer() === value) {
    return { original, edit: { filePath, start: value.getStart(), end: value.getEnd(), text: loweredValueText(original) }, removals: removalsOfBindingsOnlyReadIn(value) };
  }
  if (Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === value) {
    return { original, edit: { filePath, start: parent.getStart(), end: parent.getEnd(), text: `${name}: ${loweredValueText(original)}` }, removals: removalsOfBindingsOnlyReadIn(value) };
  }
  return undefined;
}
