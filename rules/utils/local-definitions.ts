// Indexes what a file defines by name: the functions a `this.x()` call may run, and the builders named
// like a canonical query or header list (inspected when the file shows no canonical request).
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './query-building-shapes';
import { isFunctionNode } from './query-building-shapes';

/** Which slot of a canonical request some code builds. */
export type CanonicalPart = 'query' | 'headers';

export interface NamedBuilder {
  part: CanonicalPart;
  node: TSESTree.Node;
}

export interface LocalDefinitions {
  functionsByName: Map<string, FunctionNode[]>;
  namedBuilders: NamedBuilder[];
}

const NAMED_QUERY_BUILDER = /^(?:get|create|make|build|to)?_?canonical_?query(?:_?string)?$/i;
const NAMED_HEADERS_BUILDER = /^(?:get|create|make|build|to)?_?canonical_?headers$/i;

export function createLocalDefinitions(): LocalDefinitions {
  return { functionsByName: new Map(), namedBuilders: [] };
}

/** Records that `name` is defined as `node` (a function, a value, or nothing this index keeps). */
export function rememberDefinition(definitions: LocalDefinitions, name: string | null | undefined, node: TSESTree.Node | null | undefined): void {
  if (!name || !node) return;
  if (isFunctionNode(node)) definitions.functionsByName.set(name, [...(definitions.functionsByName.get(name) ?? []), node]);
  if (NAMED_QUERY_BUILDER.test(name)) definitions.namedBuilders.push({ part: 'query', node });
  else if (NAMED_HEADERS_BUILDER.test(name)) definitions.namedBuilders.push({ part: 'headers', node });
}
