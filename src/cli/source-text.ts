// Reading a source file as text the engine can plan on, and writing its BOM back.
export const UTF8_BOM = '\uFEFF';

export interface SourceText {
  text: string;
  bom: boolean;
}

/** Decodes UTF-8; undefined when the bytes would not survive a round trip (not UTF-8). */
export function decodeSource(buffer: Buffer): SourceText | undefined {
  const decoded = buffer.toString('utf8');
  if (!Buffer.from(decoded, 'utf8').equals(buffer)) return undefined;
  const bom = decoded.startsWith(UTF8_BOM);
  return { text: bom ? decoded.slice(1) : decoded, bom };
}

/** `code` of a Node error, or its message: what a report says about a failed read or write. */
export function describeIoError(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
