// The rule's `addContentType` suggestion for a presigned PUT: the value it guessed, and its edit
// with the signed value written instead, quoted like the header name it writes.
import type { CodemodContext, RuleSuggestion, TextEdit } from '../types';

/** The header value the suggestion would write (from its description). */
export function suggestedValue(suggestion: RuleSuggestion): string | undefined {
  return /^Send Content-Type (.+) with the upload \(/.exec(suggestion.description)?.[1];
}

/** The suggestion's edit with its guessed value replaced by the expression `value` (source text). */
export function suggestionWithExpression(context: CodemodContext, suggestion: RuleSuggestion, value: string): TextEdit | undefined {
  const guessed = suggestedValue(suggestion);
  const { text } = suggestion.edit;
  const at = guessed === undefined ? -1 : text.lastIndexOf(guessed);
  if (guessed === undefined || at < 0) return undefined;
  return { filePath: context.sourceFile.getFilePath(), ...suggestion.edit, text: text.slice(0, at) + value + text.slice(at + guessed.length) };
}

/** The quote the suggestion writes its header name with. */
function headerQuote(suggestion: RuleSuggestion): string {
  return /(["'])Content-Type\1/.exec(suggestion.edit.text)?.[1] ?? "'";
}

/** The suggestion's edit with its guessed value replaced by `literal`, quoted like the header name. */
export function suggestionWithValue(context: CodemodContext, suggestion: RuleSuggestion, literal: string): TextEdit | undefined {
  const quote = headerQuote(suggestion);
  return suggestionWithExpression(context, suggestion, `${quote}${literal.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`)}${quote}`);
}

/** A string literal as written (`"image/png"`) in the suggestion's quotes; any other expression as is. */
export function requoted(suggestion: RuleSuggestion, expression: string): string {
  const literal = /^(['"])([^'"\\]*)\1$/.exec(expression);
  const quote = headerQuote(suggestion);
  return literal ? `${quote}${literal[2]}${quote}` : expression;
}
