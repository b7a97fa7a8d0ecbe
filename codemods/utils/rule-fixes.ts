// Adopts a rule's own fix or suggestion as a codemod outcome, so a rewrite the rule already proves
// right is written once (in the rule) and the CLI and the editor produce the same text.
import type { CodemodContext, CodemodOutcome, RuleEdit, TextEdit } from '../types';

function toTextEdit(context: CodemodContext, edit: RuleEdit): TextEdit {
  return { filePath: context.sourceFile.getFilePath(), ...edit };
}

/** The rule's autofix as a fixed outcome, or undefined when the rule offered none. */
export function adoptRuleFix(context: CodemodContext): CodemodOutcome | undefined {
  const { fix } = context.finding;
  return fix && { kind: 'fixed', edits: [toTextEdit(context, fix)] };
}

/** The rule's suggestion `messageId` as a fixed outcome, or undefined when it was not offered. */
export function adoptRuleSuggestion(context: CodemodContext, messageId: string): CodemodOutcome | undefined {
  const suggestion = context.finding.suggestions?.find((candidate) => candidate.messageId === messageId);
  return suggestion && { kind: 'fixed', edits: [toTextEdit(context, suggestion.edit)] };
}
