// Lists a node's children by the parser's visitor keys, for walks that look at every node of a subtree.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export function childNodes(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node[] {
  const keys = visitorKeys[node.type] ?? [];
  const record = node as unknown as Record<string, unknown>;
  return keys.flatMap((key) => {
    const value = record[key];
    const values = Array.isArray(value) ? value : [value];
    return values.filter((child): child is TSESTree.Node => typeof child === 'object' && child !== null && 'type' in child);
  });
}

/** True when `root` or any node under it matches. */
export function containsNode(
  root: TSESTree.Node,
  predicate: (node: TSESTree.Node) => boolean,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): boolean {
  const pending: TSESTree.Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (predicate(node)) return true;
    pending.push(...childNodes(node, visitorKeys));
  }
  return false;
}
