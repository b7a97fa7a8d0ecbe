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
import type { HeaderFinding } from './utils/canonical-header-checks';
import { joinedHeaderFindings, literalHeaderFindings } from './utils/canonical-header-checks';
import type { CanonicalMessageIds } from './utils/canonical-inspection';
import type { Inspection } from './utils/canonical-inspection';
import { createInspection } from './utils/canonical-inspection';
import { checkLiteralQuery, inspectComparator, inspectQueryCall, inspectQueryIdentifier, inspectQueryJoin, URL_SEARCH_PARAMS_DEFECTS } from './utils/canonical-query-checks';
import type { ScopeOf } from './utils/const-binding';
import { staticKeyName } from './utils/const-binding';
import { createRule } from './utils/create-rule';
import { withUpperCaseHexEscapes } from './utils/encoding-fix-texts';
import { isUrlSearchParamsValue } from './utils/form-encoded-queries';
import { joinedArrayOrigin } from './utils/joined-array-origin';
import type { CanonicalPart, LocalDefinitions } from './utils/local-definitions';
import { createLocalDefinitions, rememberDefinition } from './utils/local-definitions';
import { isInsideStringExpression, isLegacyUrlQuery, isReplacementArgument } from './utils/query-building-shapes';
import { createSlotBuilderWalk } from './utils/slot-builder-walk';
import type { StringPart } from './utils/string-parts';
import { flattenStringParts, isConcatenation, isStringExpression, splitStringParts } from './utils/string-parts';
import { calledMethodName, hasLowerCaseHexEscape } from './utils/uri-encoder-calls';

type MessageIds = CanonicalMessageIds;

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
        '{{api}} is not a SigV4 canonical query: it {{defects}}, so AWS answers 403 SignatureDoesNotMatch.',
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

function reportHeaderFindings(inspection: Inspection, node: TSESTree.Node, findings: readonly HeaderFinding[]): void {
  for (const finding of findings) inspection.report({ node, ...finding });
}

/** One node of the code that builds a slot: its calls, names, raw URL queries, hex escapes and literal text. */
function inspectNode(inspection: Inspection, node: TSESTree.Node, part: CanonicalPart): void {
  const { canonicalQuery } = inspection;
  if (node.type === AST_NODE_TYPES.CallExpression) inspectCall(inspection, node, part);
  else if (node.type === AST_NODE_TYPES.Identifier && part === 'query') inspectQueryIdentifier(inspection, node);
  else if (part === 'query' && node.type === AST_NODE_TYPES.MemberExpression && isLegacyUrlQuery(node)) {
    inspection.report({ node, messageId: 'rawUrlQuery', suggest: [canonicalQuery.suggest(node)] });
  }
  else if (part === 'query' && hasLowerCaseHexEscape(node) && isReplacementArgument(node)) {
    inspection.report({ node, messageId: 'lowercaseHexEscape', fix: (fixer) => fixer.replaceText(node, withUpperCaseHexEscapes(node.raw)) });
  }
  if (isStringExpression(node) && !isInsideStringExpression(node)) inspectString(inspection, node, part);
}

function inspectString(inspection: Inspection, node: TSESTree.Node, part: CanonicalPart): void {
  const parts = flattenStringParts(node);
  if (parts && part === 'query') checkLiteralQuery(inspection, parts, node, true);
  else if (parts) reportHeaderFindings(inspection, node, literalHeaderFindings(parts, parts.some((p) => p.kind === 'text' && p.text.includes('\n')) ? '\n' : ';'));
}

function inspectCall(inspection: Inspection, call: TSESTree.CallExpression, part: CanonicalPart): void {
  const method = calledMethodName(call);
  if (method === 'sort' || method === 'toSorted') inspectComparator(inspection, call.arguments[0], part);
  if (method === 'join') inspectJoin(inspection, call, part);
  if (part === 'query') inspectQueryCall(inspection, call, method);
}

/** A `.join(…)` in a slot: of query parameters with `&`, of header lines or names with `\n`, `;` or nothing. */
function inspectJoin(inspection: Inspection, call: TSESTree.CallExpression, part: CanonicalPart): void {
  const { callee } = call;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const [separator] = call.arguments;
  const separatorValue = separator?.type === AST_NODE_TYPES.Literal ? separator.value : undefined;
  if (part === 'query' && separatorValue !== '&') return;
  if (part === 'headers' && !['\n', ';', ''].includes(String(separatorValue))) return;
  const origin = joinedArrayOrigin(callee.object, inspection.scopeOf);
  if (part === 'headers') reportHeaderFindings(inspection, call, joinedHeaderFindings(call, origin, separatorValue === ';' ? ';' : '\n', inspection.sourceCode));
  else inspectQueryJoin(inspection, call, callee.object, origin);
}

/** Inspects the code that builds each slot of a canonical request, and reports once per node and problem. */
function createInspector(context: Readonly<TSESLint.RuleContext<MessageIds, []>>, definitions: LocalDefinitions) {
  const inspection = createInspection(context.sourceCode, definitions);
  const { scopeOf, canonicalQuery } = inspection;
  const walks: Record<CanonicalPart, (root: TSESTree.Node) => void> = { query: walkInspecting('query'), headers: walkInspecting('headers') };

  function walkInspecting(part: CanonicalPart): (root: TSESTree.Node) => void {
    return createSlotBuilderWalk(inspection.code, {
      visitNode: (node) => inspectNode(inspection, node, part),
      visitSortComparator: (comparator) => inspectComparator(inspection, comparator, part),
    });
  }

  function inspectCanonicalRequest(slots: CanonicalRequestSlots): void {
    inspection.setQuerySlot(slots.query?.kind === 'expression' ? slots.query.node : null);
    if (slots.query) inspectSlot(slots.query, 'query');
    inspection.setQuerySlot(null);
    if (slots.headers) inspectSlot(slots.headers, 'headers', '\n');
    if (slots.signedHeaders) inspectSlot(slots.signedHeaders, 'headers', ';');
  }

  function inspectSlot(slot: CanonicalSlot, part: CanonicalPart, headerSeparator: '\n' | ';' = '\n'): void {
    if (slot.kind === 'expression') inspectRoot(slot.node, part);
    else if (part === 'query') checkLiteralQuery(inspection, slot.parts, slot.owner, false);
    else for (const finding of literalHeaderFindings(slot.parts, headerSeparator)) inspection.report({ node: findingLineOwner(slot, finding), ...finding });
  }

  function inspectRoot(node: TSESTree.Node, part: CanonicalPart): void {
    if (part === 'query' && isUrlSearchParamsValue(node, scopeOf)) {
      inspection.report({ node, messageId: 'formEncodedQuery', data: { api: 'A URLSearchParams converted to a string', defects: URL_SEARCH_PARAMS_DEFECTS }, suggest: [canonicalQuery.suggest(node)] });
    }
    walks[part](node);
  }

  function flush(): void {
    for (const { node, messageId, data, fix, suggest } of inspection.findings()) {
      context.report({ node, messageId, ...(data ? { data } : {}), ...(fix ? { fix } : {}), ...(suggest && suggest.length > 0 ? { suggest } : {}) });
    }
  }

  return { inspectCanonicalRequest, inspectRoot, flush };
}
