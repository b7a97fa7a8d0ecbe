// Code and text quoted in a to-do, a note or a comment: it must read on one line and stay short.

/** `text` on one line: its line breaks and runs of white space become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `text` on one line, cut to 80 characters. */
export function oneLineExcerpt(text: string): string {
  const flat = oneLine(text);
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
