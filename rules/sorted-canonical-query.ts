// Rule: a hand-built SigV4 canonical request must list its query (and headers) sorted and RFC 3986 encoded.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { CanonicalRequestSlots, CanonicalSlot } from './utils/canonical-request';
import {
  CANONICAL_REQUEST_HINT,
  SIGV4_MARKER,
  canonicalRequestFromJoin,
  canonicalRequestFromLines,
  canonicalRequestFromString,
  isLineBreakJoin,
} from './utils/canonical-request';
import { createRule } from './utils/create-rule';
import type { FunctionNode } from './utils/query-building-shapes';
import {
  enclosingLoop,
  isFunctionNode,
  isIdentifierNamed,
  isInsideReplacementCallback,
  isInsideStringExpression,
  isOwnModuleReceiver,
  isRawUrlQuery,
  isReplacementArgument,
  isValueReference,
  objectKeyListCall,
  singleReturnedExpression,
} from './utils/query-building-shapes';
import { staticKeyName } from './utils/const-binding';
import type { CanonicalQueryCandidate, CanonicalQueryRewrite } from './utils/canonical-query-rewrite';
import { canonicalQueryRewriteData, chooseCanonicalQueryRewrites } from './utils/canonical-query-rewrite';
import { planHelperImport } from './utils/helper-import';
import { resolveModuleMember } from './utils/module-binding';
import { onlyWrittenValue, writtenValues } from './utils/variable-writes';
import { isCodePointSorted, literalHeaderNames, literalQueryParameterNames } from './utils/query-parameter-order';
import type { StringPart } from './utils/string-parts';
import { flattenStringParts, isStringExpression, leadingText } from './utils/string-parts';
import {
  builtinEncoderName,
  calledMethodName,
  enclosingMethodCall,
  encodesLikeRfc3986,
  hasLowerCaseHexEscape,
  isCompletedByReplaceChain,
  isHexToStringCall,
  isRfc3986ExtrasReplace,
  isUpperCasedAlongChain,
} from './utils/uri-encoder-calls';

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
  | 'useCodePointComparator';

type CanonicalPart = 'query' | 'headers';
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

interface PendingReport {
  node: TSESTree.Node;
  messageId: MessageIds;
  data?: Record<string, string>;
  fix?: TSESLint.ReportFixFunction;
  suggest?: Suggestion[];
  /** The canonical request's query slot being inspected when this was found, if any. */
  querySlot?: TSESTree.Node | null;
}

/** Where the helper that fixed code calls lives, and the function that canonicalises a query. */
const HELPER_SPECIFIER = 'sigv4-migrate/sigv4';
const HELPER_FUNCTION = 'canonicalQueryString';
/** What `useRfc3986Encoder` appends: the MDN fix, upper-case hex as SigV4 requires. */
const RFC3986_COMPLETION = ".replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())";
/** Resolution hops (variable → value → function → …) followed from a slot; deeper is not this file's canonical request. */
const MAX_DEPTH = 6;
const ORDER_PRESERVING_METHODS = new Set(['map', 'filter', 'flatMap', 'flat', 'slice', 'concat']);
const NODE_QUERYSTRING = new Set(['querystring', 'node:querystring']);
const CANONICALISING_CALLEE = /canonical_?query/i;
const NAMED_QUERY_ROOT = /^(?:get|create|make|build|to)?_?canonical_?query(?:_?string)?$/i;
const NAMED_HEADERS_ROOT = /^(?:get|create|make|build|to)?_?canonical_?headers$/i;

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
        'The canonical query lists its parameters in written order ({{names}}), but SigV4 sorts them by name in code-point order before hashing. AWS computes the sorted form, so the signatures differ and it answers 403 SignatureDoesNotMatch.',
      unsortedQueryJoin:
        'The canonical query is joined from {{source}} without sorting, so it follows insertion order. SigV4 sorts parameters by name in code-point order; AWS hashes the sorted form and answers 403 SignatureDoesNotMatch whenever the order differs.',
      formEncodedQuery:
        '{{api}} is not a SigV4 canonical query: it keeps insertion order and writes a space as "+" (form encoding), while AWS sorts parameters by name and expects %20. Any unsorted or spaced parameter gets 403 SignatureDoesNotMatch.',
      rawUrlQuery:
        'The query copied from the URL is signed as written: SigV4 wants it sorted by name and re-encoded (RFC 3986, upper-case hex). AWS canonicalises it itself and answers 403 SignatureDoesNotMatch when the two differ.',
      incompleteQueryEncoder:
        "`{{encoder}}` leaves some characters unencoded that SigV4 percent-encodes (encodeURIComponent keeps !'()*, encodeURI and escape keep more). AWS encodes everything except A-Z a-z 0-9 - _ . ~, so a value containing one of them gets 403 SignatureDoesNotMatch.",
      lowercaseHexEscape:
        'Lower-case hex in a percent escape (%2a): SigV4 canonical form uses upper-case hex (%2A). AWS hashes its upper-case form, so the signatures differ and it answers 403 SignatureDoesNotMatch.',
      localeCompareOrder:
        'The canonical {{part}} are sorted with locale collation, which folds case and weighs punctuation. SigV4 sorts by code point (`X-Amz-Date` before `language-code`); AWS answers 403 SignatureDoesNotMatch when the orders differ.',
      caseInsensitiveOrder:
        'The canonical query is sorted case-insensitively. SigV4 sorts by code point, upper case before lower case (`X-Amz-Date` before `language-code`); AWS answers 403 SignatureDoesNotMatch when the orders differ.',
      unsortedCanonicalHeaders:
        'The canonical headers are {{how}}. SigV4 lists headers (and signed headers) sorted by lower-cased name; AWS hashes the sorted list and answers 403 SignatureDoesNotMatch.',
      headerNamesNotLowercased:
        'The canonical headers use names that are not lower-cased ({{names}}). SigV4 lower-cases every header name before hashing; AWS does, so the signatures differ and it answers 403 SignatureDoesNotMatch.',
      useCanonicalQueryString: "Build the canonical query with `canonicalQueryString(…)` from 'sigv4-migrate/sigv4'.",
      useRfc3986Encoder: "Use encodeURIComponent and re-encode !'()* with upper-case hex.",
      useCodePointComparator: 'Compare by code point (`a < b ? -1 : a > b ? 1 : 0`).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    // The whole rule costs one regular-expression scan in files that are not SigV4 code.
    if (!CANONICAL_REQUEST_HINT.test(sourceCode.text)) return {};

    const canonicalRequests: CanonicalRequestSlots[] = [];
    const namedRoots: { part: CanonicalPart; node: TSESTree.Node }[] = [];
    const functionsByName = new Map<string, FunctionNode[]>();

    function rememberFunction(name: string, node: TSESTree.Node | null | undefined): void {
      if (!isFunctionNode(node)) return;
      functionsByName.set(name, [...(functionsByName.get(name) ?? []), node]);
    }

    function rememberNamedRoot(name: string, node: TSESTree.Node | null | undefined): void {
      if (!node) return;
      if (NAMED_QUERY_ROOT.test(name)) namedRoots.push({ part: 'query', node });
      else if (NAMED_HEADERS_ROOT.test(name)) namedRoots.push({ part: 'headers', node });
    }

    function rememberDefinition(name: string | null | undefined, node: TSESTree.Node | null | undefined): void {
      if (!name) return;
      rememberFunction(name, node);
      rememberNamedRoot(name, node);
    }

    /** `const parts = []; parts.push(method); … parts.push(hash); parts.join('\n')`: six pushed lines. */
    function canonicalRequestFromPushedLines(join: TSESTree.CallExpression): CanonicalRequestSlots | null {
      const { callee } = join;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || !isLineBreakJoin(join)) return null;
      const variable = ASTUtils.findVariable(sourceCode.getScope(callee.object), callee.object);
      const init = variable ? onlyWrittenValue(variable) : undefined;
      if (!variable || init?.type !== AST_NODE_TYPES.ArrayExpression || init.elements.length > 0) return null;
      const pushed = variable.references.flatMap((reference) => {
        const call = enclosingMethodCall(reference.identifier);
        return call && calledMethodName(call) === 'push' ? call.arguments : [];
      });
      return canonicalRequestFromLines(pushed, sourceCode);
    }

    return {
      'CallExpression[callee.property.name="join"]'(node: TSESTree.CallExpression) {
        const slots = canonicalRequestFromJoin(node, sourceCode) ?? canonicalRequestFromPushedLines(node);
        if (slots) canonicalRequests.push(slots);
      },
      TemplateLiteral(node) {
        const lineBreaks = node.quasis.reduce((count, quasi) => count + (quasi.value.cooked ?? '').split('\n').length - 1, 0);
        if (lineBreaks < 5) return;
        const slots = canonicalRequestFromString(node, sourceCode);
        if (slots) canonicalRequests.push(slots);
      },
      'BinaryExpression[operator="+"]'(node: TSESTree.BinaryExpression) {
        if (node.parent.type === AST_NODE_TYPES.BinaryExpression && node.parent.operator === '+') return;
        const slots = canonicalRequestFromString(node, sourceCode);
        if (slots) canonicalRequests.push(slots);
      },
      FunctionDeclaration(node) {
        rememberDefinition(node.id?.name ?? null, node);
      },
      VariableDeclarator(node) {
        rememberDefinition(node.id.type === AST_NODE_TYPES.Identifier ? node.id.name : null, node.init);
      },
      'MethodDefinition, Property'(node: TSESTree.MethodDefinition | TSESTree.Property) {
        rememberDefinition(staticKeyName(node.key, node.computed), node.value);
      },
      'AssignmentExpression[left.type="MemberExpression"]'(node: TSESTree.AssignmentExpression) {
        const { left } = node;
        if (left.type === AST_NODE_TYPES.MemberExpression) rememberDefinition(staticKeyName(left.property, left.computed), node.right);
      },
      'Program:exit'() {
        const isSigV4File = SIGV4_MARKER.test(sourceCode.text) || canonicalRequests.some((slots) => slots.namedLikeSigV4);
        if (!isSigV4File) return;
        const inspector = createInspector(context, functionsByName);
        for (const slots of canonicalRequests) inspector.inspectCanonicalRequest(slots);
        // Named functions and variables are the fallback for files whose canonical request is not visible.
        if (canonicalRequests.length === 0) for (const root of namedRoots) inspector.inspectRoot(root.node, root.part);
        inspector.flush();
      },
    };
  },
});

/** The origin of the array a `.join(…)` call joins, followed back through its chain. */
interface JoinOrigin {
  sorted: boolean;
  kind: 'objectKeys' | 'literalArray' | 'unknown';
  /** `p` in `Object.keys(p)`; present when only `.map` calls follow, so `p` alone says the same. */
  keyedObject?: TSESTree.Node;
  /** The argument of `Object.keys/entries(…)`, to read literal header names from. */
  keysOf?: TSESTree.Node;
  elements: TSESTree.Node[];
  source: string;
}

function createInspector(context: Readonly<TSESLint.RuleContext<MessageIds, []>>, functionsByName: ReadonlyMap<string, FunctionNode[]>) {
  const { sourceCode } = context;
  const reports = new Map<string, PendingReport>();
  const inspected = new Set<string>();
  let helperImport: ReturnType<typeof planHelperImport> | undefined;
  /** The expression in the canonical request's query slot being inspected, wrapped by the helper suggestion. */
  let querySlot: TSESTree.Node | null = null;
  /** What each `useCanonicalQueryString` suggestion replaces and passes, for the codemod's shared choice. */
  const suggestedRewrites = new WeakMap<Suggestion, CanonicalQueryRewrite>();

  function helper() {
    helperImport ??= planHelperImport(sourceCode, HELPER_FUNCTION, HELPER_SPECIFIER);
    return helperImport;
  }

  function report(pending: PendingReport): void {
    const key = `${pending.node.range.join(':')}:${pending.messageId}`;
    if (!reports.has(key)) reports.set(key, { ...pending, querySlot });
  }

  /** Suggestion: replace `node` with `canonicalQueryString(argument)`, importing the helper. */
  function canonicalQuerySuggestion(node: TSESTree.Node, argument: TSESTree.Node = node): Suggestion {
    const suggestion: Suggestion = {
      messageId: 'useCanonicalQueryString',
      fix: (fixer) => {
        const plan = helper();
        const replacement = fixer.replaceText(node, `${plan.localName}(${sourceCode.getText(argument)})`);
        const importFix = plan.fix(fixer);
        return importFix ? [importFix, replacement] : [replacement];
      },
    };
    suggestedRewrites.set(suggestion, { target: node.range, argument: argument.range });
    return suggestion;
  }

  /**
   * Gives every `useCanonicalQueryString` suggestion the rewrite its canonical request shares (as
   * data, which the message does not show): the codemod applies that one, so the findings of one
   * request make one edit.
   */
  function attachSharedRewrites(): void {
    const bySlot = new Map<TSESTree.Node | null, { pending: PendingReport; suggestion: Suggestion; candidate: CanonicalQueryCandidate }[]>();
    for (const pending of reports.values()) {
      const suggestion = pending.suggest?.find((candidate) => suggestedRewrites.has(candidate));
      if (!suggestion) continue;
      const slot = pending.querySlot ?? null;
      const candidate = { own: suggestedRewrites.get(suggestion)!, formEncoded: pending.messageId === 'formEncodedQuery' };
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), { pending, suggestion, candidate }]);
    }
    for (const [slot, entries] of bySlot) {
      const rewrites = chooseCanonicalQueryRewrites(slot?.range ?? null, entries.map((entry) => entry.candidate));
      entries.forEach(({ pending, suggestion }, index) => {
        const data = canonicalQueryRewriteData(rewrites[index]!);
        pending.suggest = pending.suggest?.map((candidate) => (candidate === suggestion ? { ...suggestion, data } : candidate));
      });
    }
  }

  /** The helper suggestion at the query slot, for defects found inside the code that builds it. */
  function slotSuggestions(): Suggestion[] {
    return querySlot ? [canonicalQuerySuggestion(querySlot)] : [];
  }

  function resolveVariable(identifier: TSESTree.Identifier) {
    return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  }

  function isGlobalReference(identifier: TSESTree.Identifier): boolean {
    const variable = resolveVariable(identifier);
    return !variable || variable.defs.length === 0;
  }

  /** Local functions a call may run: by binding for plain calls, by property name for `this.x()`/`exports.x()`. */
  function calledFunctions(call: TSESTree.CallExpression): FunctionNode[] {
    const { callee } = call;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(callee);
      const definition = variable?.defs[0];
      if (!definition) return [];
      if (isFunctionNode(definition.node)) return [definition.node];
      if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && isFunctionNode(definition.node.init)) return [definition.node.init];
      return [];
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && isOwnModuleReceiver(callee.object)) {
      const name = staticKeyName(callee.property, callee.computed);
      return name ? (functionsByName.get(name) ?? []) : [];
    }
    return [];
  }

  function inspectCanonicalRequest(slots: CanonicalRequestSlots): void {
    querySlot = slots.query?.kind === 'expression' ? slots.query.node : null;
    if (slots.query) inspectSlot(slots.query, 'query');
    querySlot = null;
    if (slots.headers) inspectSlot(slots.headers, 'headers', '\n');
    if (slots.signedHeaders) inspectSlot(slots.signedHeaders, 'headers', ';');
  }

  function inspectSlot(slot: CanonicalSlot, part: CanonicalPart, headerSeparator: '\n' | ';' = '\n'): void {
    if (slot.kind === 'expression') {
      inspectRoot(slot.node, part);
      return;
    }
    if (part === 'query') checkLiteralQuery(slot.parts, slot.owner, false);
    else checkLiteralHeaders(slot.parts, slot.owner, headerSeparator);
  }

  function inspectRoot(node: TSESTree.Node, part: CanonicalPart): void {
    if (part === 'query' && isUrlSearchParamsValue(node, 0)) {
      report({ node, messageId: 'formEncodedQuery', data: { api: 'A URLSearchParams converted to a string' }, suggest: [canonicalQuerySuggestion(node)] });
    }
    inspectTree(node, part, 0);
  }

  /** Walks every node under `root` (callbacks included), following local variables and functions. */
  function inspectTree(root: TSESTree.Node, part: CanonicalPart, depth: number): void {
    const key = `${root.range.join(':')}:${part}`;
    if (depth > MAX_DEPTH || inspected.has(key)) return;
    inspected.add(key);
    const pending: TSESTree.Node[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      inspectNode(node, part, depth);
      // What goes into a canonicalising helper (ours, vendored, or a library's) is its business.
      if (isCanonicalisingCall(node)) continue;
      for (const child of childNodes(node)) pending.push(child);
    }
  }

  function childNodes(node: TSESTree.Node): TSESTree.Node[] {
    const keys = sourceCode.visitorKeys[node.type] ?? [];
    const record = node as unknown as Record<string, unknown>;
    return keys.flatMap((key) => {
      const value = record[key];
      const values = Array.isArray(value) ? value : [value];
      return values.filter((child): child is TSESTree.Node => typeof child === 'object' && child !== null && 'type' in child);
    });
  }

  function inspectNode(node: TSESTree.Node, part: CanonicalPart, depth: number): void {
    if (node.type === AST_NODE_TYPES.CallExpression) inspectCall(node, part, depth);
    else if (node.type === AST_NODE_TYPES.Identifier) inspectIdentifier(node, part, depth);
    else if (part === 'query' && hasLowerCaseHexEscape(node) && isReplacementArgument(node)) reportLowerCaseLiteral(node);
    if (isStringExpression(node) && !isInsideStringExpression(node)) {
      const parts = flattenStringParts(node);
      if (parts && part === 'query') checkLiteralQuery(parts, node, true);
      else if (parts) checkLiteralHeaders(parts, node, parts.some((p) => p.kind === 'text' && p.text.includes('\n')) ? '\n' : ';');
    }
  }

  function inspectCall(call: TSESTree.CallExpression, part: CanonicalPart, depth: number): void {
    const method = calledMethodName(call);
    if (method === 'sort' || method === 'toSorted') inspectComparator(call.arguments[0], part);
    if (method === 'join') inspectJoin(call, part);
    if (part === 'query') inspectQueryCall(call, method);
    for (const fn of calledFunctions(call)) inspectTree(fn.body, part, depth + 1);
  }

  function inspectQueryCall(call: TSESTree.CallExpression, method: string | null): void {
    const encoder = builtinEncoderName(call.callee);
    if (encoder && isGlobalReference(call.callee as TSESTree.Identifier) && !isCompletedByReplaceChain(call) && !isCompletedByWrapper(call) && !encodesLikeRfc3986(call, encoder)) {
      report({ node: call, messageId: 'incompleteQueryEncoder', data: { encoder }, suggest: [rfc3986EncoderSuggestion(call), ...slotSuggestions()] });
    }
    if (isHexToStringCall(call) && isPercentEscaper(call) && !isUpperCasedAlongChain(call)) {
      report({ node: call, messageId: 'lowercaseHexEscape', fix: (fixer) => fixer.insertTextAfter(call, '.toUpperCase()') });
    }
    if (method === 'toString' && call.arguments.length === 0 && call.callee.type === AST_NODE_TYPES.MemberExpression && isUrlSearchParamsValue(call.callee.object, 0)) {
      report({ node: call, messageId: 'formEncodedQuery', data: { api: 'URLSearchParams#toString()' }, suggest: [canonicalQuerySuggestion(call, call.callee.object)] });
    }
    if (isQuerystringStringify(call)) {
      const [only] = call.arguments;
      const suggestion = call.arguments.length === 1 && only ? canonicalQuerySuggestion(call, only) : canonicalQuerySuggestion(call);
      report({ node: call, messageId: 'formEncodedQuery', data: { api: 'querystring.stringify()' }, suggest: [suggestion] });
    }
    if (isRawUrlQuery(call, method)) {
      report({ node: call, messageId: 'rawUrlQuery', suggest: [canonicalQuerySuggestion(call)] });
    }
  }

  function inspectIdentifier(identifier: TSESTree.Identifier, part: CanonicalPart, depth: number): void {
    if (!isValueReference(identifier)) return;
    if (part === 'query' && builtinEncoderName(identifier) && identifier.parent.type === AST_NODE_TYPES.CallExpression && identifier.parent.arguments.includes(identifier as TSESTree.CallExpressionArgument) && isGlobalReference(identifier)) {
      report({ node: identifier, messageId: 'incompleteQueryEncoder', data: { encoder: identifier.name }, suggest: [rfc3986CallbackSuggestion(identifier), ...slotSuggestions()] });
      return;
    }
    const variable = resolveVariable(identifier);
    const definition = variable?.defs[0];
    if (!variable || !definition) return;
    if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) {
      inspectTree(definition.node.body, part, depth + 1);
      return;
    }
    if (definition.type !== 'Variable') return;
    for (const value of writtenValues(variable)) inspectTree(value, part, depth + 1);
    for (const reference of variable.references) {
      const call = enclosingMethodCall(reference.identifier);
      const method = call ? calledMethodName(call) : null;
      if (call && (method === 'push' || method === 'unshift')) for (const argument of call.arguments) inspectTree(argument, part, depth + 1);
      if (call && method === 'sort') inspectComparator(call.arguments[0], part);
    }
  }

  function inspectComparator(comparator: TSESTree.Node | undefined, part: CanonicalPart): void {
    if (!comparator) return;
    const fn = comparatorFunction(comparator);
    const body = fn ? fn.body : comparator;
    const text = sourceCode.getText(body);
    if (/\blocaleCompare\s*\(|\bIntl\s*\.\s*Collator\b/.test(text) || isCollatorCompare(comparator)) {
      const suggestion = fn ? codePointComparatorSuggestion(fn) : null;
      report({
        node: comparator,
        messageId: 'localeCompareOrder',
        data: { part: part === 'query' ? 'query parameters' : 'headers' },
        suggest: [...(suggestion ? [suggestion] : []), ...(part === 'query' ? slotSuggestions() : [])],
      });
      return;
    }
    // Header names are lower-cased for output anyway, so a case-insensitive order is the right one there.
    if (part === 'query' && fn && /\bto(?:Locale)?(?:Lower|Upper)Case\s*\(/.test(text)) {
      report({ node: comparator, messageId: 'caseInsensitiveOrder', suggest: slotSuggestions() });
    }
  }

  function comparatorFunction(comparator: TSESTree.Node): FunctionNode | null {
    if (isFunctionNode(comparator)) return comparator;
    if (comparator.type !== AST_NODE_TYPES.Identifier) return null;
    const definition = resolveVariable(comparator)?.defs[0];
    if (!definition) return null;
    if (isFunctionNode(definition.node)) return definition.node;
    if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && isFunctionNode(definition.node.init)) return definition.node.init;
    return null;
  }

  function isCollatorCompare(comparator: TSESTree.Node): boolean {
    return comparator.type === AST_NODE_TYPES.MemberExpression && staticKeyName(comparator.property, comparator.computed) === 'compare' && /Collator|collator/.test(sourceCode.getText(comparator.object));
  }

  /** `(a, b) => X.localeCompare(Y)` → compare X and Y by code point, when the body is exactly that call. */
  function codePointComparatorSuggestion(fn: FunctionNode): Suggestion | null {
    const returned = singleReturnedExpression(fn);
    if (returned?.type !== AST_NODE_TYPES.CallExpression || calledMethodName(returned) !== 'localeCompare') return null;
    if (returned.arguments.length !== 1 || returned.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const left = sourceCode.getText(returned.callee.object);
    const right = sourceCode.getText(returned.arguments[0] as TSESTree.Node);
    return {
      messageId: 'useCodePointComparator',
      fix: (fixer) => fixer.replaceText(returned, `(${left} < ${right} ? -1 : ${left} > ${right} ? 1 : 0)`),
    };
  }

  function inspectJoin(call: TSESTree.CallExpression, part: CanonicalPart): void {
    const { callee } = call;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const [separator] = call.arguments;
    const separatorValue = separator?.type === AST_NODE_TYPES.Literal ? separator.value : undefined;
    if (part === 'query' && separatorValue !== '&') return;
    if (part === 'headers' && !['\n', ';', ''].includes(String(separatorValue))) return;
    const origin = joinOrigin(callee.object, 0);
    if (part === 'query') reportUnsortedQueryJoin(call, origin);
    else reportHeaderJoin(call, origin, separatorValue === ';' ? ';' : '\n');
  }

  function reportUnsortedQueryJoin(call: TSESTree.CallExpression, origin: JoinOrigin): void {
    if (origin.sorted) return;
    if (origin.kind === 'objectKeys') {
      const suggestion = origin.keyedObject ? canonicalQuerySuggestion(call, origin.keyedObject) : canonicalQuerySuggestion(call);
      report({ node: call, messageId: 'unsortedQueryJoin', data: { source: origin.source }, suggest: [suggestion] });
      return;
    }
    if (origin.kind !== 'literalArray') return;
    const names = origin.elements.flatMap((element) => {
      const text = leadingText(flattenStringParts(element) ?? []);
      const equals = text?.indexOf('=') ?? -1;
      return text && equals > 0 ? [text.slice(0, equals)] : [];
    });
    if (names.length >= 2 && !isCodePointSorted(names)) {
      report({ node: call, messageId: 'unsortedQueryLiteral', data: { names: names.join(', ') }, suggest: [canonicalQuerySuggestion(call)] });
    }
  }

  function reportHeaderJoin(call: TSESTree.CallExpression, origin: JoinOrigin, separator: '\n' | ';'): void {
    if (origin.kind === 'objectKeys' && !origin.sorted) {
      report({ node: call, messageId: 'unsortedCanonicalHeaders', data: { how: `joined from ${origin.source} without sorting` } });
    }
    if (origin.kind === 'literalArray') {
      const parts = origin.elements.flatMap((element, index) => [
        ...(index > 0 ? [{ kind: 'text', text: separator } as const] : []),
        ...(flattenStringParts(element) ?? [{ kind: 'dynamic', node: element } as const]),
      ]);
      checkLiteralHeaders(parts, call, separator, origin.sorted);
    }
    if (origin.kind === 'objectKeys' && origin.keysOf && !/\bto(?:Locale)?LowerCase\b/.test(sourceCode.getText(call))) {
      const names = upperCaseKeysOf(origin.keysOf);
      if (names.length > 0) report({ node: call, messageId: 'headerNamesNotLowercased', data: { names: names.join(', ') } });
    }
  }

  /** Static keys with upper-case letters of the object literal `node` is (or a `const` holds). */
  function upperCaseKeysOf(node: TSESTree.Node): string[] {
    let value: TSESTree.Node | undefined = node;
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(value);
      value = variable ? onlyWrittenValue(variable) : undefined;
    }
    if (value?.type !== AST_NODE_TYPES.ObjectExpression) return [];
    return value.properties.flatMap((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return [];
      const name = staticKeyName(property.key, property.computed);
      return name && /[A-Z]/.test(name) ? [name] : [];
    });
  }

  /** Follows a joined array back to where its elements come from, noting any sort on the way. */
  function joinOrigin(receiver: TSESTree.Node, depth: number): JoinOrigin {
    const unknown: JoinOrigin = { sorted: false, kind: 'unknown', elements: [], source: 'an array' };
    let sorted = false;
    let onlyMaps = true;
    let current: TSESTree.Node = receiver;
    while (depth <= MAX_DEPTH) {
      if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = calledMethodName(current);
        const keyList = objectKeyListCall(current);
        if (keyList) {
          return { sorted, kind: 'objectKeys', keysOf: keyList.argument, ...(onlyMaps ? { keyedObject: keyList.argument } : {}), elements: [], source: `Object.${keyList.method}(…)` };
        }
        if ((method === 'entries' || method === 'keys') && isUrlSearchParamsValue(current.callee.object, 0)) {
          return { sorted, kind: 'objectKeys', elements: [], source: `URLSearchParams#${method}()` };
        }
        if (method === 'from' && isIdentifierNamed(current.callee.object, 'Array') && current.arguments[0]) {
          current = current.arguments[0];
          continue;
        }
        if (method === 'sort' || method === 'toSorted') sorted = true;
        else if (!method || !ORDER_PRESERVING_METHODS.has(method)) return unknown;
        if (method !== 'map') onlyMaps = false;
        current = current.callee.object;
        continue;
      }
      const [spread] = current.type === AST_NODE_TYPES.ArrayExpression ? current.elements : [];
      if (current.type === AST_NODE_TYPES.ArrayExpression && current.elements.length === 1 && spread?.type === AST_NODE_TYPES.SpreadElement) {
        current = spread.argument;
        continue;
      }
      if (isUrlSearchParamsValue(current, 0)) return { sorted, kind: 'objectKeys', elements: [], source: 'URLSearchParams iteration' };
      if (current.type === AST_NODE_TYPES.ArrayExpression) {
        const elements = current.elements.filter((element): element is TSESTree.Expression => !!element && element.type !== AST_NODE_TYPES.SpreadElement);
        return { sorted, kind: 'literalArray', elements, source: 'an array literal' };
      }
      if (current.type === AST_NODE_TYPES.Identifier) return identifierOrigin(current, sorted, depth);
      return unknown;
    }
    return unknown;
  }

  function identifierOrigin(identifier: TSESTree.Identifier, sortedSoFar: boolean, depth: number): JoinOrigin {
    const unknown: JoinOrigin = { sorted: sortedSoFar, kind: 'unknown', elements: [], source: 'an array' };
    const variable = resolveVariable(identifier);
    if (variable?.defs[0]?.type !== 'Variable') return unknown;
    const methods = variable.references.map((reference) => {
      const call = enclosingMethodCall(reference.identifier);
      return call ? { call, method: calledMethodName(call) } : null;
    });
    const sorted = sortedSoFar || methods.some((entry) => entry?.method === 'sort');
    const init = onlyWrittenValue(variable);
    if (!init) return { ...unknown, sorted };
    const isEmptyArray = init.type === AST_NODE_TYPES.ArrayExpression && init.elements.length === 0;
    if (!isEmptyArray) {
      const origin = joinOrigin(init, depth + 1);
      return { ...origin, sorted: origin.sorted || sorted };
    }
    const pushes = methods.flatMap((entry) => (entry?.method === 'push' ? [entry.call] : []));
    return pushedArrayOrigin(pushes, sorted, depth);
  }

  /** An array filled by `push`: ordered by the loop around the pushes, or by the pushes themselves. */
  function pushedArrayOrigin(pushes: TSESTree.CallExpression[], sorted: boolean, depth: number): JoinOrigin {
    const loops = pushes.map(enclosingLoop);
    const [firstLoop] = loops;
    if (firstLoop === null || firstLoop === undefined) {
      const elements = pushes.flatMap((push) => push.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement));
      return { sorted, kind: 'literalArray', elements, source: 'pushed strings' };
    }
    if (firstLoop.type === AST_NODE_TYPES.ForInStatement) {
      return { sorted, kind: 'objectKeys', keysOf: firstLoop.right, elements: [], source: 'a for…in loop' };
    }
    const origin = joinOrigin(firstLoop.type === AST_NODE_TYPES.ForOfStatement ? firstLoop.right : firstLoop, depth + 1);
    return { ...origin, sorted: origin.sorted || sorted, keyedObject: undefined };
  }

  function checkLiteralQuery(parts: readonly StringPart[], node: TSESTree.Node, suggestable: boolean): void {
    const names = literalQueryParameterNames(parts);
    if (!names || isCodePointSorted(names)) return;
    report({ node, messageId: 'unsortedQueryLiteral', data: { names: names.join(', ') }, suggest: suggestable ? [canonicalQuerySuggestion(node)] : [] });
  }

  function checkLiteralHeaders(parts: readonly StringPart[], node: TSESTree.Node, separator: '\n' | ';', sorted = false): void {
    const names = literalHeaderNames(parts, separator);
    if (!names) return;
    const notLowerCased = names.filter((name) => name !== name.toLowerCase());
    if (notLowerCased.length > 0) report({ node, messageId: 'headerNamesNotLowercased', data: { names: notLowerCased.join(', ') } });
    if (!sorted && !isCodePointSorted(names.map((name) => name.toLowerCase()))) {
      report({ node, messageId: 'unsortedCanonicalHeaders', data: { how: `written in the order ${names.join(', ')}` } });
    }
  }

  function reportLowerCaseLiteral(literal: TSESTree.StringLiteral): void {
    const upper = literal.raw.replace(/%[0-9a-fA-F]{2}/g, (escape) => escape.toUpperCase());
    report({ node: literal, messageId: 'lowercaseHexEscape', fix: (fixer) => fixer.replaceText(literal, upper) });
  }

  function rfc3986EncoderSuggestion(call: TSESTree.CallExpression): Suggestion {
    const argument = call.arguments[0];
    return {
      messageId: 'useRfc3986Encoder',
      fix: (fixer) => fixer.replaceText(call, `encodeURIComponent(${argument ? sourceCode.getText(argument) : ''})${RFC3986_COMPLETION}`),
    };
  }

  function rfc3986CallbackSuggestion(identifier: TSESTree.Identifier): Suggestion {
    return {
      messageId: 'useRfc3986Encoder',
      fix: (fixer) => fixer.replaceText(identifier, `(value) => encodeURIComponent(value)${RFC3986_COMPLETION}`),
    };
  }

  /** A call to a function defined elsewhere whose name says it builds the canonical query. */
  function isCanonicalisingCall(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const { callee } = node;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee.property, callee.computed) : null;
    return !!name && CANONICALISING_CALLEE.test(name) && calledFunctions(node).length === 0;
  }

  /** `fix(encodeURIComponent(s))` where the local `fix` re-encodes `!'()*` (aws4's `encodeRfc3986`). */
  function isCompletedByWrapper(encoderCall: TSESTree.CallExpression): boolean {
    const wrapper = encoderCall.parent;
    if (wrapper.type !== AST_NODE_TYPES.CallExpression || !wrapper.arguments.includes(encoderCall)) return false;
    const functions = calledFunctions(wrapper);
    return functions.length > 0 && functions.every((fn) => containsNode(fn.body, isRfc3986ExtrasReplace));
  }

  function containsNode(root: TSESTree.Node, predicate: (node: TSESTree.Node) => boolean): boolean {
    const pending: TSESTree.Node[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (predicate(node)) return true;
      pending.push(...childNodes(node));
    }
    return false;
  }

  /** A `.toString(16)` inside a `.replace` callback, or in a function that writes a `%` literal. */
  function isPercentEscaper(call: TSESTree.CallExpression): boolean {
    if (isInsideReplacementCallback(call)) return true;
    let fn: TSESTree.Node | undefined = call.parent;
    while (fn && !isFunctionNode(fn)) fn = fn.parent;
    return !!fn && /(['"`])%\1/.test(sourceCode.getText(fn));
  }

  function isUrlSearchParamsValue(node: TSESTree.Node, depth: number): boolean {
    if (node.type === AST_NODE_TYPES.NewExpression) return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'URLSearchParams';
    if (node.type === AST_NODE_TYPES.MemberExpression) return staticKeyName(node.property, node.computed) === 'searchParams';
    if (node.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return false;
    const variable = resolveVariable(node);
    const writes = variable?.defs[0]?.type === 'Variable' ? writtenValues(variable) : [];
    return writes.length > 0 && writes.every((value) => isUrlSearchParamsValue(value, depth + 1));
  }

  /** `stringify` of node's `querystring`, however it was imported or required. */
  function isQuerystringStringify(call: TSESTree.CallExpression): boolean {
    const member = resolveModuleMember(call.callee, (node) => sourceCode.getScope(node));
    if (!member || !NODE_QUERYSTRING.has(member.source)) return false;
    const path = member.path[0] === 'default' ? member.path.slice(1) : member.path;
    return path.length === 1 && path[0] === 'stringify';
  }

  function flush(): void {
    attachSharedRewrites();
    for (const pending of reports.values()) {
      context.report({
        node: pending.node,
        messageId: pending.messageId,
        ...(pending.data ? { data: pending.data } : {}),
        ...(pending.fix ? { fix: pending.fix } : {}),
        ...(pending.suggest && pending.suggest.length > 0 ? { suggest: pending.suggest } : {}),
      });
    }
  }

  return { inspectCanonicalRequest, inspectRoot, flush };
}
