// Codemod for sigv4/sorted-canonical-query: fixes the query builder where the defect is (the missing
// sort, a code-point comparator, an RFC 3986 encoder, upper-case hex); the helper's
// `canonicalQueryString(…)` wraps the query only where the builder cannot be fixed in place.
import { Node, SyntaxKind } from 'ts-morph';
import type { CanonicalQueryRewrite } from '../rules/utils/canonical-query-rewrite';
import { canonicalQueryCall, canonicalQueryRewriteFromData } from '../rules/utils/canonical-query-rewrite';
import type { Codemod, CodemodContext, CodemodOutcome, RuleSuggestion } from './types';
import { constInitializer, readIdentifiers, uniqueDeclaration, usesOfVariable } from './utils/bindings';
import { reorderedHeaderAppends, sortedSignedHeadersLiteral } from './utils/header-line-order';
import { unusedQueryModuleRemovals } from './utils/query-module-removal';
import { rfc3986EncoderEdits } from './utils/rfc3986-encoder';
import { adoptRuleFix, adoptRuleSuggestion } from './utils/rule-fixes';

/** Left as it is: the rule's message and its docs page say what to do by hand. */
function manual(): CodemodOutcome {
  return { kind: 'manual', todo: '' };
}

function canonicalQuerySuggestion(context: CodemodContext): RuleSuggestion | undefined {
  return context.finding.suggestions?.find((suggestion) => suggestion.messageId === 'useCanonicalQueryString');
}

/** The rewrite the rule chose for this finding's canonical request (the same for all its findings). */
function sharedRewrite(context: CodemodContext): CanonicalQueryRewrite | undefined {
  return canonicalQueryRewriteFromData(canonicalQuerySuggestion(context)?.data);
}

/** A comma expression needs parentheses to stay one argument. */
function argumentText(context: CodemodContext, [start, end]: readonly [number, number]): string {
  const text = context.sourceFile.getFullText().slice(start, end);
  const node = context.sourceFile.getDescendantAtPos(start);
  const expression = node?.getAncestors().find((ancestor) => ancestor.getStart() === start && ancestor.getEnd() === end);
  const isComma = expression && Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.CommaToken;
  return isComma ? `(${text})` : text;
}

function canonicalQueryRewrite(context: CodemodContext, rewrite: CanonicalQueryRewrite): CodemodOutcome {
  const { sourceFile } = context;
  const local = context.helper.use(sourceFile, 'canonicalQueryString');
  const [start, end] = rewrite.target;
  return {
    kind: 'fixed',
    edits: [
      { filePath: sourceFile.getFilePath(), start, end, text: canonicalQueryCall(local, argumentText(context, rewrite.argument)) },
      ...unusedQueryModuleRemovals(sourceFile, rewrite.target, rewrite.argument),
    ],
  };
}

function contains(outer: readonly [number, number], inner: readonly [number, number]): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

/**
 * The fix in the builder (`inPlace`), unless the request's shared rewrite is made anyway (another
 * finding has no fix in the builder: one edit then fixes all) or replaces the code around the
 * finding (the two would overlap); then that rewrite, else the to-do.
 */
function fixInBuilder(context: CodemodContext, inPlace: CodemodOutcome | undefined): CodemodOutcome {
  const rewrite = sharedRewrite(context);
  if (inPlace && !(rewrite && (rewrite.required || contains(rewrite.target, context.finding.range)))) return inPlace;
  return rewrite ? canonicalQueryRewrite(context, rewrite) : manual();
}

/** Sorts by the lower-cased name in code-point order, as SigV4 lists canonical headers. */
const LOWER_CASED_CODE_POINT_ORDER =
  '(a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)';

/** The reported node, and the initializers of the `const`s it alone reads (`const lines = Object.keys(h).map(…)`). */
function reportedCode(context: CodemodContext): Node[] {
  const privateInitializers = readIdentifiers(context.node).flatMap((identifier) => {
    const declaration = uniqueDeclaration(context.sourceFile, identifier.getText())?.node;
    if (!Node.isVariableDeclaration(declaration) || usesOfVariable(declaration).length !== 1) return [];
    const initializer = constInitializer(context.sourceFile, identifier.getText());
    return initializer ? [initializer] : [];
  });
  return [context.node, ...privateInitializers];
}

/** The one `Object.keys(…)` call inside the reported header list, if there is exactly one. */
function reportedObjectKeysCall(context: CodemodContext): Node | undefined {
  const calls = reportedCode(context).flatMap((code) => [code, ...code.getDescendants()]).filter(
    (node) => Node.isCallExpression(node) && node.getExpression().getText() === 'Object.keys' && node.getArguments().length === 1,
  );
  return calls.length === 1 ? calls[0] : undefined;
}

/**
 * Canonical headers joined from `Object.keys(headers)` unsorted: the keys sorted right where they
 * are read, by lower-cased name, so every line built from them comes out in SigV4's order.
 */
function sortHeaderKeys(context: CodemodContext): CodemodOutcome | undefined {
  if (!context.finding.data?.how?.startsWith('joined from Object.keys(')) return undefined;
  const keys = reportedObjectKeysCall(context);
  if (!keys) return undefined;
  const edit = { filePath: context.sourceFile.getFilePath(), start: keys.getEnd(), end: keys.getEnd(), text: `.sort(${LOWER_CASED_CODE_POINT_ORDER})` };
  return { kind: 'fixed', edits: [edit], note: 'sorts the header names by lower-cased name, in code-point order, where they are read' };
}

/** Header lines appended with `+=`, or a signed-headers literal, written out of order: put in SigV4's order. */
function sortLiteralHeaders(context: CodemodContext): CodemodOutcome | undefined {
  if (!context.finding.data?.how?.startsWith('written in the order ')) return undefined;
  const edit = reorderedHeaderAppends(context.sourceFile, context.node) ?? sortedSignedHeadersLiteral(context.node);
  return edit && { kind: 'fixed', edits: [edit], note: 'puts the header names in SigV4 order (by lower-cased name, in code-point order)' };
}

/** A built-in encoder becomes the file's `encodeRfc3986`, else the rule's RFC 3986 encoder in place. */
function rfc3986Encoder(context: CodemodContext): CodemodOutcome | undefined {
  const edits = rfc3986EncoderEdits(context.sourceFile, context.node);
  return edits ? { kind: 'fixed', edits } : adoptRuleSuggestion(context, 'useRfc3986Encoder');
}

const codemod: Codemod = (context) => {
  switch (context.finding.messageId) {
    case 'lowercaseHexEscape':
      return adoptRuleFix(context) ?? manual();
    case 'localeCompareOrder':
    case 'caseInsensitiveOrder':
      return fixInBuilder(context, adoptRuleSuggestion(context, 'useCodePointComparator'));
    case 'incompleteQueryEncoder':
      return fixInBuilder(context, rfc3986Encoder(context));
    case 'unsortedQueryJoin':
      return fixInBuilder(context, adoptRuleSuggestion(context, 'sortQueryParameters'));
    case 'unsortedQueryLiteral':
    case 'formEncodedQuery':
    case 'rawUrlQuery': {
      const rewrite = sharedRewrite(context);
      return rewrite ? canonicalQueryRewrite(context, rewrite) : manual();
    }
    case 'unsortedCanonicalHeaders':
      return sortHeaderKeys(context) ?? sortLiteralHeaders(context) ?? adoptRuleFix(context) ?? manual();
    default:
      return manual();
  }
};

export default codemod;
