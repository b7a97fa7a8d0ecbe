// The rule's `addContentType` suggestion for a presigned PUT: the value it guessed, and its edit
// with the signed value written instead, quoted like the header name it writes.
import type { CodemodContext, RuleSuggestion, TextEdit } from '../types';

/** The header value the suggestion would write (from its description). */
export function suggestedValue(suggestion: RuleSuggestion): string | undefined {
  return /^Send Content-Type (.+) with the upload \(/.exec(suggestion.description)?.[1];
}

/** The suggestion's edit with its guessed value replaced by `literal`. */
export function suggestionWithValue(context: CodemodContext, suggestion: RuleSuggestion, literal: string): TextEdit | undefined {
  const guessed = suggestedValue(suggestion);
  const { text } = suggestion.edit;
  const at = guessed === undefined ? -1 : text.lastIndexOf(guessed);
  if (guessed === undefined || at < 0) return undefined;
  const quote = /(["'])Content-Type\1/.exec(text)?.[1] ?? "'";
  const value = `${quote}${literal.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`)}${quote}`;
  return { filePath: context.sourceFile.getFilePath(), ...suggestion.edit, text: text.slice(0, at) + value + text.slice(at + guessed.length) };
}
