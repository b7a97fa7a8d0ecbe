// Where a lint report lands in ts-morph's tree: the codemods' `node` for a finding's range.
import { Node } from 'ts-morph';
import type { SourceFile } from 'ts-morph';

/** The deepest node covering [start, end) of `sourceFile`. */
export function nodeAtRange(sourceFile: SourceFile, [start, end]: readonly [number, number]): Node {
  let node: Node = sourceFile.getDescendantAtPos(start) ?? sourceFile;
  while (!Node.isSourceFile(node) && (node.getStart() > start || node.getEnd() < end)) node = node.getParentOrThrow();
  return node;
}
