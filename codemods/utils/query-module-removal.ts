// A canonical query rewritten to `canonicalQueryString(…)` no longer calls the query-string module
// it replaced (`qs.stringify(parsed.query)`): that module's import or require goes too when the
// replaced call was its only use, so the user's no-unused-vars stays quiet (issue 9 §3).
import type { SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { bindingOccurrences, uniqueDeclaration } from './bindings';
import { importRemoval } from './import-removal';

const QUERY_STRING_MODULES: ReadonlySet<string> = new Set(['querystring', 'node:querystring', 'qs', 'query-string']);

type Range = readonly [number, number];

/** Removals of query-string bindings read only in `replaced` outside the part it keeps (`kept`). */
export function unusedQueryModuleRemovals(sourceFile: SourceFile, replaced: Range, kept: Range): TextEdit[] {
  const isWithin = (start: number, end: number, [from, to]: Range) => from <= start && end <= to;
  const isDropped = (start: number, end: number) => isWithin(start, end, replaced) && !isWithin(start, end, kept);
  const dropped = sourceFile.getDescendants().filter((node) => isDropped(node.getStart(), node.getEnd()));
  const names = new Set(dropped.map((node) => node.getText()).filter((text) => /^[\w$]+$/.test(text)));
  return [...names].flatMap((name) => {
    const declaration = uniqueDeclaration(sourceFile, name);
    if (!declaration) return [];
    const uses = bindingOccurrences(sourceFile, name).filter((identifier) => identifier !== declaration.name);
    if (uses.some((use) => !isDropped(use.getStart(), use.getEnd()))) return [];
    const removal = importRemoval(sourceFile, declaration.node, QUERY_STRING_MODULES, (candidate) => candidate === name);
    return removal ? [removal.edit] : [];
  });
}
