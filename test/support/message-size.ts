// How long a finding's message may be, and how its sentences are counted: shared by the rule
// messages' test and the CLI's.

/** Two lines of a 100-column view: ESLint's stylish output, an editor hover, a code-scanning alert. */
export const MAX_MESSAGE_LENGTH = 200;
/** What is wrong, and what to do: the docs page carries the rest. */
export const MAX_MESSAGE_SENTENCES = 2;

/** Sentence ends (`.`, `!`, `?` followed by a space or the end) outside `code` spans and quotes. */
export function sentenceCount(message: string): number {
  const prose = message.replace(/`[^`]*`/g, '``').replace(/'[^'\s][^']*'/g, "''");
  return prose.match(/[.!?](?=\s|$)/g)?.length ?? 0;
}
