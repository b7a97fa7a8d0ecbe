// The checks sorted-canonical-query runs on the code that builds a canonical query: encoders,
// form-encoding APIs, comparators, joins of unsorted names, raw URL queries, and literal order.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Inspection, Suggestion } from './canonical-inspection';
import { comparatorFunction, comparatorOrder } from './comparator-order';
import type { ScopeOf } from './const-binding';
import { findVariableOf, staticKeyName } from './const-binding';
import { RFC3986_ENCODER_CALLBACK, caseFoldingComparatorFix, codePointComparison, keyListSortEdit, rfc3986EncodeText } from './encoding-fix-texts';
import { isQuerystringStringify, isUnsortedQsStringify, isUrlSearchParamsToString } from './form-encoded-queries';
import type { JoinOrigin } from './joined-array-origin';
import type { CanonicalPart } from './local-definitions';
import { incompleteEncoderName, isEncoderPassedAsCallback, isLowerCaseHexEscaper } from './query-encoder-checks';
import { isLegacyUrlParse, isRawUrlQuery, isValueReference } from './query-building-shapes';
import { isCodePointSorted, joinedQueryParameterNames, literalQueryParameterNames } from './query-parameter-order';
import type { StringPart } from './string-parts';
import { calledMethodName } from './uri-encoder-calls';

/** The first three names, then `…`: enough to show the order, short enough for a one-line message. */
function firstNames(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
}

/**
 * The query string of `query.split('&').sort()`: its raw `name=value` pairs sorted as text but never
 * decoded and RFC 3986-encoded again (a `+`, a space or `%2a` stays as the client wrote it).
 */
function sortedRawPairsSource(joined: TSESTree.Node): TSESTree.Node | null {
  if (joined.type !== AST_NODE_TYPES.CallExpression || joined.arguments.length > 0) return null;
  const sortMethod = calledMethodName(joined);
  if ((sortMethod !== 'sort' && sortMethod !== 'toSorted') || joined.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const split = joined.callee.object;
  if (split.type !== AST_NODE_TYPES.CallExpression || calledMethodName(split) !== 'split' || split.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const [separator] = split.arguments;
  return separator?.type === AST_NODE_TYPES.Literal && separator.value === '&' ? split.callee.object : null;
}

/** The `query` of `const { query } = url.parse(u)` that `identifier` reads: the raw query string. */
function legacyUrlQueryBinding(identifier: TSESTree.Identifier, scopeOf: ScopeOf): TSESTree.Property | null {
  const definition = findVariableOf(identifier, scopeOf)?.defs[0];
  if (!definition) return null;
  const declarator = definition.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return null;
  if (!declarator.init || !isLegacyUrlParse(declarator.init)) return null;
  const property = declarator.id.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
  );
  return property && staticKeyName(property.key, property.computed) === 'query' ? property : null;
}

// What each API does differently from SigV4 (checked in Node: `new URLSearchParams({ a: "x y~" })`
// gives `a=x+y%7E`; querystring.stringify keeps the order given and leaves !'()* as they are).
export const URL_SEARCH_PARAMS_DEFECTS = 'writes spaces as "+" and "~" as %7E, and keeps insertion order unless sorted';
const QUERYSTRING_DEFECTS = "keeps insertion order and leaves !'()* unencoded";

/** The query string's own `stringify`/`toString` APIs: form-encoded, or (qs) unsorted. */
function inspectQueryApis(inspection: Inspection, call: TSESTree.CallExpression, method: string | null): void {
  const { canonicalQuery, scopeOf } = inspection;
  if (isUrlSearchParamsToString(call, method, scopeOf)) {
    inspection.report({ node: call, messageId: 'formEncodedQuery', data: { api: 'URLSearchParams#toString()', defects: URL_SEARCH_PARAMS_DEFECTS }, suggest: [canonicalQuery.suggest(call, call.callee.object)] });
  }
  const [only] = call.arguments;
  const wrapsItsArgument = call.arguments.length === 1 && only !== undefined;
  if (isQuerystringStringify(call, scopeOf)) {
    const suggestion = wrapsItsArgument ? canonicalQuery.suggest(call, only) : canonicalQuery.suggest(call);
    inspection.report({ node: call, messageId: 'formEncodedQuery', data: { api: 'querystring.stringify()', defects: QUERYSTRING_DEFECTS }, suggest: [suggestion] });
  }
  if (isUnsortedQsStringify(call, scopeOf)) {
    const suggestion = wrapsItsArgument ? canonicalQuery.suggest(call, only) : canonicalQuery.suggest(call);
    inspection.report({ node: call, messageId: 'unsortedQueryJoin', data: { source: 'qs.stringify() (no `sort` option)' }, suggest: [suggestion] });
  }
  if (isRawUrlQuery(call, method)) inspection.report({ node: call, messageId: 'rawUrlQuery', suggest: [canonicalQuery.suggest(call)] });
}

/** A call in the code building the query: an incomplete encoder, a lower-case hex escaper, a form-encoding API. */
export function inspectQueryCall(inspection: Inspection, call: TSESTree.CallExpression, method: string | null): void {
  const { sourceCode } = inspection;
  const encoder = incompleteEncoderName(call, inspection.code);
  if (encoder) {
    const [argument] = call.arguments;
    const completed: Suggestion = { messageId: 'useRfc3986Encoder', fix: (fixer) => fixer.replaceText(call, rfc3986EncodeText(argument ? sourceCode.getText(argument) : '')) };
    inspection.report({ node: call, messageId: 'incompleteQueryEncoder', data: { encoder }, suggest: [completed, ...inspection.slotSuggestions()] });
  }
  if (isLowerCaseHexEscaper(call, sourceCode)) {
    inspection.report({ node: call, messageId: 'lowercaseHexEscape', fix: (fixer) => fixer.insertTextAfter(call, '.toUpperCase()') });
  }
  inspectQueryApis(inspection, call, method);
}

/** A name read while building the query: a raw `url.parse(…).query`, or an incomplete encoder passed as a callback. */
export function inspectQueryIdentifier(inspection: Inspection, identifier: TSESTree.Identifier): void {
  if (!isValueReference(identifier)) return;
  const destructured = legacyUrlQueryBinding(identifier, inspection.scopeOf);
  if (destructured) inspection.report({ node: destructured, messageId: 'rawUrlQuery', suggest: inspection.slotSuggestions() });
  if (!isEncoderPassedAsCallback(identifier, inspection.scopeOf)) return;
  const completed: Suggestion = { messageId: 'useRfc3986Encoder', fix: (fixer) => fixer.replaceText(identifier, RFC3986_ENCODER_CALLBACK) };
  inspection.report({ node: identifier, messageId: 'incompleteQueryEncoder', data: { encoder: identifier.name }, suggest: [completed, ...inspection.slotSuggestions()] });
}

/** A sort comparator: locale collation (query or headers), or case-insensitive (query only). */
export function inspectComparator(inspection: Inspection, comparator: TSESTree.Node | undefined, part: CanonicalPart): void {
  if (!comparator) return;
  const { sourceCode } = inspection;
  const fn = comparatorFunction(comparator, inspection.scopeOf, inspection.code.values);
  const order = comparatorOrder(comparator, fn, sourceCode);
  const slot = part === 'query' ? inspection.slotSuggestions() : [];
  if (order === 'locale') {
    const comparison = fn ? codePointComparison(fn, sourceCode) : null;
    const codePoint: Suggestion[] = comparison ? [{ messageId: 'useCodePointComparator', fix: (fixer) => fixer.replaceText(comparison.call, comparison.text) }] : [];
    const data = { part: part === 'query' ? 'query parameters' : 'headers' };
    inspection.report({ node: comparator, messageId: 'localeCompareOrder', data, suggest: [...codePoint, ...slot] });
  }
  // Header names are lower-cased for output anyway, so a case-insensitive order is the right one there.
  if (order === 'caseInsensitive' && part === 'query') {
    const comparison = fn ? caseFoldingComparatorFix(fn, sourceCode) : null;
    const codePoint: Suggestion[] = comparison ? [{ messageId: 'useCodePointComparator', fix: (fixer) => fixer.replaceText(comparison.node, comparison.text) }] : [];
    inspection.report({ node: comparator, messageId: 'caseInsensitiveOrder', suggest: [...codePoint, ...slot] });
  }
}

/** `….join('&')` of the query: raw pairs sorted as text, object keys never sorted, or literal names out of order. */
export function inspectQueryJoin(inspection: Inspection, call: TSESTree.CallExpression, joined: TSESTree.Node, origin: JoinOrigin): void {
  const { canonicalQuery, sourceCode } = inspection;
  const rawQuery = sortedRawPairsSource(joined);
  if (rawQuery) {
    inspection.report({ node: call, messageId: 'rawUrlQuery', suggest: [canonicalQuery.suggest(call, rawQuery)] });
    return;
  }
  if (origin.sorted) return;
  if (origin.kind === 'objectKeys') {
    const suggestion = origin.keyedObject ? canonicalQuery.suggest(call, origin.keyedObject) : canonicalQuery.suggest(call);
    const sort = keyListSortEdit(origin, sourceCode);
    const sorted: Suggestion[] = sort ? [{ messageId: 'sortQueryParameters', fix: (fixer) => fixer.replaceTextRange(sort.range, sort.text) }] : [];
    inspection.report({ node: call, messageId: 'unsortedQueryJoin', data: { source: origin.source }, suggest: [...sorted, suggestion] });
    return;
  }
  const names = origin.kind === 'literalArray' ? joinedQueryParameterNames(origin.elements) : [];
  if (names.length >= 2 && !isCodePointSorted(names)) {
    inspection.report({ node: call, messageId: 'unsortedQueryLiteral', data: { names: firstNames(names) }, suggest: [canonicalQuery.suggest(call)] });
  }
}

/** A query written as text (`a=1&b=2`): its literal names in code-point order. */
export function checkLiteralQuery(inspection: Inspection, parts: readonly StringPart[], node: TSESTree.Node, suggestable: boolean): void {
  const names = literalQueryParameterNames(parts);
  if (!names || isCodePointSorted(names)) return;
  const suggest = suggestable ? [inspection.canonicalQuery.suggest(node)] : [];
  inspection.report({ node, messageId: 'unsortedQueryLiteral', data: { names: firstNames(names) }, suggest });
}
