// Rule: a hand-built SigV4 canonical request must list its query (and headers) sorted and RFC 3986 encoded.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CanonicalRequestSlots, CanonicalSlot } from './utils/canonical-request';
import {
  CANONICAL_REQUEST_HINT,
  SIGV4_MARKER,
  canonicalRequestFromAccumulation,
  canonicalRequestFromJoin,
  canonicalRequestFromPushedLines,
  canonicalRequestFromSeparatedJoin,
  canonicalRequestFromString,
  hasCanonicalRequestLineBreaks,
} from './utils/canonical-request';
import { createCanonicalQuerySuggester } from './utils/canonical-query-suggestions';
import type { HeaderFinding } from './utils/canonical-header-checks';
import { joinedHeaderFindings, literalHeaderFindings } from './utils/canonical-header-checks';
import { comparatorFunction, comparatorOrder } from './utils/comparator-order';
import type { ScopeOf } from './utils/const-binding';
import { findVariableOf, staticKeyName } from './utils/const-binding';
import { createRule } from './utils/create-rule';
import {
  RFC3986_ENCODER_CALLBACK,
  caseFoldingComparatorFix,
  codePointComparison,
  keyListSortEdit,
  rfc3986EncodeText,
  withUpperCaseHexEscapes,
} from './utils/encoding-fix-texts';
import { isQuerystringStringify, isUnsortedQsStringify, isUrlSearchParamsToString, isUrlSearchParamsValue } from './utils/form-encoded-queries';
import { joinedArrayOrigin } from './utils/joined-array-origin';
import type { CanonicalPart, LocalDefinitions } from './utils/local-definitions';
import type { FileCode } from './utils/local-functions';
import { createLocalDefinitions, rememberDefinition } from './utils/local-definitions';
import { incompleteEncoderName, isEncoderPassedAsCallback, isLowerCaseHexEscaper } from './utils/query-encoder-checks';
import { isInsideStringExpression, isLegacyUrlParse, isLegacyUrlQuery, isRawUrlQuery, isReplacementArgument, isValueReference } from './utils/query-building-shapes';
import { isCodePointSorted, joinedQueryParameterNames, literalQueryParameterNames } from './utils/query-parameter-order';
import { createSlotBuilderWalk } from './utils/slot-builder-walk';
import type { StringPart } from './utils/string-parts';
import { flattenStringParts, isConcatenation, isStringExpression, splitStringParts } from './utils/string-parts';
import { calledMethodName, hasLowerCaseHexEscape } from './utils/uri-encoder-calls';
import { valuesOf } from './values';

type MessageIds =
  | 'unsortedQueryLiteral'
  | 'unsortedQueryJoin'
  | 'formEncodedQuery'
  | 'rawUrlQuery'
  | 'incompleteQueryEncoder'
  | 'lowercaseHexEscape'
  | 'localeCompareOrder'
  | 'caseInsensitiveOrder'
  | 'unsortedCanonicalHeaders'
  | 'headerNamesNotLowercased'
  | 'useCanonicalQueryString'
  | 'useRfc3986Encoder'
  | 'useCodePointComparator'
  | 'sortQueryParameters';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** Suggestions that fix the code building the query where the defect is. */
const BUILDER_FIXES: ReadonlySet<MessageIds> = new Set(['useRfc3986Encoder', 'useCodePointComparator', 'sortQueryParameters']);

interface PendingReport {
  node: TSESTree.Node;
  messageId: MessageIds;
  data?: Record<string, string>;
  fix?: TSESLint.ReportFixFunction;
  suggest?: Suggestion[];
  /** The canonical request's query slot being inspected when this was found, if any. */
  querySlot: TSESTree.Node | null;
  formEncoded: boolean;
  fixableInBuilder: boolean;
}

/** The first three names, then `…`: enough to show the order, short enough for a one-line message. */
function firstNames(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
}

export default createRule<[], MessageIds>({
  name: 'sorted-canonical-query',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require hand-built SigV4 canonical requests to sort and RFC 3986-encode their query, and to lower-case and sort their headers',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unsortedQueryLiteral:
        'The canonical query lists its parameters in written order ({{names}}), but SigV4 sorts them by code point, so AWS answers 403 SignatureDoesNotMatch.',
      unsortedQueryJoin:
        'The canonical query is joined from {{source}} without sorting. SigV4 sorts parameters by code point, so AWS answers 403 SignatureDoesNotMatch whenever the order differs.',
      formEncodedQuery:
        '{{api}} is not a SigV4 canonical query: it keeps insertion order and writes spaces as "+", so AWS answers 403 SignatureDoesNotMatch.',
      rawUrlQuery:
        'The query copied from the URL is signed as written. SigV4 wants it sorted and RFC 3986-encoded, so AWS answers 403 SignatureDoesNotMatch when the two differ.',
      incompleteQueryEncoder:
        "`{{encoder}}` leaves some characters unencoded that SigV4 percent-encodes (such as !'()*). A value containing one gets 403 SignatureDoesNotMatch.",
      lowercaseHexEscape:
        'Lower-case hex in a percent escape (%2a): SigV4 canonical form uses upper-case hex (%2A), so AWS answers 403 SignatureDoesNotMatch.',
      localeCompareOrder:
        'The canonical {{part}} are sorted with locale collation, not by code point as SigV4 does (`X-Amz-Date` before `language-code`). AWS answers 403 SignatureDoesNotMatch when the orders differ.',
      caseInsensitiveOrder:
        'The canonical query is sorted case-insensitively, not by code point as SigV4 does (`X-Amz-Date` before `language-code`). AWS answers 403 SignatureDoesNotMatch when the orders differ.',
      unsortedCanonicalHeaders:
        'The canonical headers are {{how}}. SigV4 lists them sorted by lower-cased name, so AWS answers 403 SignatureDoesNotMatch.',
      headerNamesNotLowercased:
        'The canonical headers use names that are not lower-cased ({{names}}). SigV4 lower-cases every header name, so AWS answers 403 SignatureDoesNotMatch.',
      useCanonicalQueryString: "Build the canonical query with `canonicalQueryString(…)` from 'sigv4-migrate/sigv4'.",
      useRfc3986Encoder: "Use encodeURIComponent and re-encode !'()* with upper-case hex.",
      useCodePointComparator: 'Compare by code point (`a < b ? -1 : a > b ? 1 : 0`).',
      sortQueryParameters: 'Sort the parameter names by code point where the list of names is built.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    // The whole rule costs one regular-expression scan in files that are not SigV4 code.
    if (!CANONICAL_REQUEST_HINT.test(sourceCode.text)) return {};

    const scopeOf: ScopeOf = (node) => sourceCode.getScope(node);
    const canonicalRequests: CanonicalRequestSlots[] = [];
    const definitions = createLocalDefinitions();

    function rememberCanonicalRequest(slots: CanonicalRequestSlots | null): void {
      if (slots) canonicalRequests.push(slots);
    }

    return {
      'CallExpression[callee.property.name="join"]'(node: TSESTree.CallExpression) {
        rememberCanonicalRequest(
          canonicalRequestFromJoin(node, sourceCode) ??
            canonicalRequestFromPushedLines(node, scopeOf, sourceCode) ??
            canonicalRequestFromSeparatedJoin(node, scopeOf, sourceCode),
        );
      },
      TemplateLiteral(node) {
        if (hasCanonicalRequestLineBreaks(node)) rememberCanonicalRequest(canonicalRequestFromString(node, sourceCode));
      },
      'BinaryExpression[operator="+"]'(node: TSESTree.BinaryExpression) {
        if (!isConcatenation(node.parent)) rememberCanonicalRequest(canonicalRequestFromString(node, sourceCode));
      },
      FunctionDeclaration(node) {
        rememberDefinition(definitions, node.id?.name, node);
      },
      VariableDeclarator(node) {
        rememberDefinition(definitions, node.id.type === AST_NODE_TYPES.Identifier ? node.id.name : null, node.init);
        rememberCanonicalRequest(canonicalRequestFromAccumulation(node, sourceCode));
      },
      'MethodDefinition, Property'(node: TSESTree.MethodDefinition | TSESTree.Property) {
        rememberDefinition(definitions, staticKeyName(node.key, node.computed), node.value);
      },
      'AssignmentExpression[left.type="MemberExpression"]'(node: TSESTree.AssignmentExpression) {
        const { left } = node;
        if (left.type === AST_NODE_TYPES.MemberExpression) rememberDefinition(definitions, staticKeyName(left.property, left.computed), node.right);
      },
      'Program:exit'() {
        const isSigV4File = SIGV4_MARKER.test(sourceCode.text) || canonicalRequests.some((slots) => slots.namedLikeSigV4);
        if (!isSigV4File) return;
        const inspector = createInspector(context, definitions);
        for (const slots of canonicalRequests) inspector.inspectCanonicalRequest(slots);
        // Named functions and variables are the fallback for files whose canonical request is not visible.
        if (canonicalRequests.length === 0) for (const builder of definitions.namedBuilders) inspector.inspectRoot(builder.node, builder.part);
        inspector.flush();
      },
    };
  },
});

/**
 * Where a header finding in literal text belongs: for a canonical request accumulated line by line,
 * the statement that appended the first line at which the finding shows (the out-of-order header).
 */
function findingLineOwner(slot: Extract<CanonicalSlot, { kind: 'text' }>, finding: HeaderFinding): TSESTree.Node {
  const owners = slot.lineOwners ?? [];
  if (owners.length < 2) return slot.owner;
  const lines = splitStringParts(slot.parts, '\n');
  for (let end = 2; end <= lines.length; end++) {
    const prefix = lines.slice(0, end).flatMap((line, index): StringPart[] => (index === 0 ? line : [{ kind: 'text', text: '\n' }, ...line]));
    if (literalHeaderFindings(prefix, '\n').some((found) => found.messageId === finding.messageId)) return owners[end - 1] ?? slot.owner;
  }
  return slot.owner;
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

/** Inspects the code that builds each slot of a canonical request, and reports once per node and problem. */
function createInspector(context: Readonly<TSESLint.RuleContext<MessageIds, []>>, definitions: LocalDefinitions) {
  const { sourceCode } = context;
  const code: FileCode = { sourceCode, functionsByName: definitions.functionsByName, values: valuesOf(sourceCode) };
  const scopeOf: ScopeOf = (node) => sourceCode.getScope(node);
  const reports = new Map<string, PendingReport>();
  const canonicalQuery = createCanonicalQuerySuggester(sourceCode);
  /** The expression in the canonical request's query slot being inspected, wrapped by the helper suggestion. */
  let querySlot: TSESTree.Node | null = null;
  const walks: Record<CanonicalPart, (root: TSESTree.Node) => void> = { query: walkInspecting('query'), headers: walkInspecting('headers') };

  function walkInspecting(part: CanonicalPart): (root: TSESTree.Node) => void {
    return createSlotBuilderWalk(code, {
      visitNode: (node) => inspectNode(node, part),
      visitSortComparator: (comparator) => inspectComparator(comparator, part),
    });
  }

  function report(pending: Omit<PendingReport, 'querySlot' | 'formEncoded' | 'fixableInBuilder'>): void {
    const key = `${pending.node.range.join(':')}:${pending.messageId}`;
    const fixableInBuilder = !!pending.fix || !!pending.suggest?.some((suggestion) => BUILDER_FIXES.has(suggestion.messageId));
    if (!reports.has(key)) reports.set(key, { ...pending, querySlot, formEncoded: pending.messageId === 'formEncodedQuery', fixableInBuilder });
  }

  function reportHeaderFindings(node: TSESTree.Node, findings: readonly HeaderFinding[]): void {
    for (const finding of findings) report({ node, ...finding });
  }

  /** The helper suggestion at the query slot, for defects found inside the code that builds it. */
  function slotSuggestions(): Suggestion[] {
    return querySlot ? [canonicalQuery.suggest(querySlot)] : [];
  }

  function inspectCanonicalRequest(slots: CanonicalRequestSlots): void {
    querySlot = slots.query?.kind === 'expression' ? slots.query.node : null;
    if (slots.query) inspectSlot(slots.query, 'query');
    querySlot = null;
    if (slots.headers) inspectSlot(slots.headers, 'headers', '\n');
    if (slots.signedHeaders) inspectSlot(slots.signedHeaders, 'headers', ';');
  }

  function inspectSlot(slot: CanonicalSlot, part: CanonicalPart, headerSeparator: '\n' | ';' = '\n'): void {
    if (slot.kind === 'expression') inspectRoot(slot.node, part);
    else if (part === 'query') checkLiteralQuery(slot.parts, slot.owner, false);
    else for (const finding of literalHeaderFindings(slot.parts, headerSeparator)) report({ node: findingLineOwner(slot, finding), ...finding });
  }

  function inspectRoot(node: TSESTree.Node, part: CanonicalPart): void {
    if (part === 'query' && isUrlSearchParamsValue(node, scopeOf)) {
      report({ node, messageId: 'formEncodedQuery', data: { api: 'A URLSearchParams converted to a string' }, suggest: [canonicalQuery.suggest(node)] });
    }
    walks[part](node);
  }

  function inspectNode(node: TSESTree.Node, part: CanonicalPart): void {
    if (node.type === AST_NODE_TYPES.CallExpression) inspectCall(node, part);
    else if (node.type === AST_NODE_TYPES.Identifier) inspectIdentifier(node, part);
    else if (part === 'query' && node.type === AST_NODE_TYPES.MemberExpression && isLegacyUrlQuery(node)) {
      report({ node, messageId: 'rawUrlQuery', suggest: [canonicalQuery.suggest(node)] });
    }
    else if (part === 'query' && hasLowerCaseHexEscape(node) && isReplacementArgument(node)) {
      report({ node, messageId: 'lowercaseHexEscape', fix: (fixer) => fixer.replaceText(node, withUpperCaseHexEscapes(node.raw)) });
    }
    if (isStringExpression(node) && !isInsideStringExpression(node)) {
      const parts = flattenStringParts(node);
      if (parts && part === 'query') checkLiteralQuery(parts, node, true);
      else if (parts) reportHeaderFindings(node, literalHeaderFindings(parts, parts.some((p) => p.kind === 'text' && p.text.includes('\n')) ? '\n' : ';'));
    }
  }

  function inspectCall(call: TSESTree.CallExpression, part: CanonicalPart): void {
    const method = calledMethodName(call);
    if (method === 'sort' || method === 'toSorted') inspectComparator(call.arguments[0], part);
    if (method === 'join') inspectJoin(call, part);
    if (part === 'query') inspectQueryCall(call, method);
  }

  function inspectQueryCall(call: TSESTree.CallExpression, method: string | null): void {
    const encoder = incompleteEncoderName(call, code);
    if (encoder) {
      const [argument] = call.arguments;
      const completed: Suggestion = { messageId: 'useRfc3986Encoder', fix: (fixer) => fixer.replaceText(call, rfc3986EncodeText(argument ? sourceCode.getText(argument) : '')) };
      report({ node: call, messageId: 'incompleteQueryEncoder', data: { encoder }, suggest: [completed, ...slotSuggestions()] });
    }
    if (isLowerCaseHexEscaper(call, sourceCode)) {
      report({ node: call, messageId: 'lowercaseHexEscape', fix: (fixer) => fixer.insertTextAfter(call, '.toUpperCase()') });
    }
    if (isUrlSearchParamsToString(call, method, scopeOf)) {
      report({ node: call, messageId: 'formEncodedQuery', data: { api: 'URLSearchParams#toString()' }, suggest: [canonicalQuery.suggest(call, call.callee.object)] });
    }
    if (isQuerystringStringify(call, scopeOf)) {
      const [only] = call.arguments;
      const suggestion = call.arguments.length === 1 && only ? canonicalQuery.suggest(call, only) : canonicalQuery.suggest(call);
      report({ node: call, messageId: 'formEncodedQuery', data: { api: 'querystring.stringify()' }, suggest: [suggestion] });
    }
    if (isUnsortedQsStringify(call, scopeOf)) {
      const [params] = call.arguments;
      const suggestion = call.arguments.length === 1 && params ? canonicalQuery.suggest(call, params) : canonicalQuery.suggest(call);
      report({ node: call, messageId: 'unsortedQueryJoin', data: { source: "qs.stringify() (no `sort` option)" }, suggest: [suggestion] });
    }
    if (isRawUrlQuery(call, method)) {
      report({ node: call, messageId: 'rawUrlQuery', suggest: [canonicalQuery.suggest(call)] });
    }
  }

  function inspectIdentifier(identifier: TSESTree.Identifier, part: CanonicalPart): void {
    if (part !== 'query' || !isValueReference(identifier)) return;
    const destructured = legacyUrlQueryBinding(identifier, scopeOf);
    if (destructured) report({ node: destructured, messageId: 'rawUrlQuery', suggest: slotSuggestions() });
    if (!isEncoderPassedAsCallback(identifier, scopeOf)) return;
    const completed: Suggestion = { messageId: 'useRfc3986Encoder', fix: (fixer) => fixer.replaceText(identifier, RFC3986_ENCODER_CALLBACK) };
    report({ node: identifier, messageId: 'incompleteQueryEncoder', data: { encoder: identifier.name }, suggest: [completed, ...slotSuggestions()] });
  }

  function inspectComparator(comparator: TSESTree.Node | undefined, part: CanonicalPart): void {
    if (!comparator) return;
    const fn = comparatorFunction(comparator, scopeOf, code.values);
    const order = comparatorOrder(comparator, fn, sourceCode);
    if (order === 'locale') {
      const comparison = fn ? codePointComparison(fn, sourceCode) : null;
      const codePoint: Suggestion[] = comparison ? [{ messageId: 'useCodePointComparator', fix: (fixer) => fixer.replaceText(comparison.call, comparison.text) }] : [];
      report({
        node: comparator,
        messageId: 'localeCompareOrder',
        data: { part: part === 'query' ? 'query parameters' : 'headers' },
        suggest: [...codePoint, ...(part === 'query' ? slotSuggestions() : [])],
      });
    }
    // Header names are lower-cased for output anyway, so a case-insensitive order is the right one there.
    if (order === 'caseInsensitive' && part === 'query') {
      const comparison = fn ? caseFoldingComparatorFix(fn, sourceCode) : null;
      const codePoint: Suggestion[] = comparison ? [{ messageId: 'useCodePointComparator', fix: (fixer) => fixer.replaceText(comparison.node, comparison.text) }] : [];
      report({ node: comparator, messageId: 'caseInsensitiveOrder', suggest: [...codePoint, ...slotSuggestions()] });
    }
  }

  function inspectJoin(call: TSESTree.CallExpression, part: CanonicalPart): void {
    const { callee } = call;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const [separator] = call.arguments;
    const separatorValue = separator?.type === AST_NODE_TYPES.Literal ? separator.value : undefined;
    if (part === 'query' && separatorValue !== '&') return;
    if (part === 'headers' && !['\n', ';', ''].includes(String(separatorValue))) return;
    const origin = joinedArrayOrigin(callee.object, scopeOf);
    if (part === 'headers') {
      reportHeaderFindings(call, joinedHeaderFindings(call, origin, separatorValue === ';' ? ';' : '\n', sourceCode));
      return;
    }
    const rawQuery = sortedRawPairsSource(callee.object);
    if (rawQuery) {
      report({ node: call, messageId: 'rawUrlQuery', suggest: [canonicalQuery.suggest(call, rawQuery)] });
      return;
    }
    if (origin.sorted) return;
    if (origin.kind === 'objectKeys') {
      const suggestion = origin.keyedObject ? canonicalQuery.suggest(call, origin.keyedObject) : canonicalQuery.suggest(call);
      const sort = keyListSortEdit(origin, sourceCode);
      const sorted: Suggestion[] = sort ? [{ messageId: 'sortQueryParameters', fix: (fixer) => fixer.replaceTextRange(sort.range, sort.text) }] : [];
      report({ node: call, messageId: 'unsortedQueryJoin', data: { source: origin.source }, suggest: [...sorted, suggestion] });
      return;
    }
    const names = origin.kind === 'literalArray' ? joinedQueryParameterNames(origin.elements) : [];
    if (names.length >= 2 && !isCodePointSorted(names)) {
      report({ node: call, messageId: 'unsortedQueryLiteral', data: { names: firstNames(names) }, suggest: [canonicalQuery.suggest(call)] });
    }
  }

  function checkLiteralQuery(parts: readonly StringPart[], node: TSESTree.Node, suggestable: boolean): void {
    const names = literalQueryParameterNames(parts);
    if (!names || isCodePointSorted(names)) return;
    report({ node, messageId: 'unsortedQueryLiteral', data: { names: firstNames(names) }, suggest: suggestable ? [canonicalQuery.suggest(node)] : [] });
  }

  function flush(): void {
    const pending = [...reports.values()];
    canonicalQuery.shareRewrites(pending);
    for (const { node, messageId, data, fix, suggest } of pending) {
      context.report({
        node,
        messageId,
        ...(data ? { data } : {}),
        ...(fix ? { fix } : {}),
        ...(suggest && suggest.length > 0 ? { suggest } : {}),
      });
    }
  }

  return { inspectCanonicalRequest, inspectRoot, flush };
}
