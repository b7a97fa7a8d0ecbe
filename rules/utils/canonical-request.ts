// Matches a hand-built SigV4 canonical request and names its query and header slots.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ScopeOf } from './const-binding';
import { findVariableOf } from './const-binding';
import type { StringPart } from './string-parts';
import { flattenStringParts, splitStringParts } from './string-parts';
import { calledMethodName, enclosingMethodCall } from './uri-encoder-calls';
import { onlyWrittenValue } from './variable-writes';

/** Text that only SigV4 code contains: the algorithm name and the credential scope terminator. */
export const SIGV4_MARKER = /AWS4-HMAC-SHA256|aws4_request/;

/** Cheap pre-check: files without any of these words cannot hold a canonical request. */
export const CANONICAL_REQUEST_HINT = /AWS4-HMAC-SHA256|aws4_request|signed_?headers|canonical_?headers/i;

/** How the signed-headers and canonical-headers lines read when written by hand. */
const SIGNED_HEADERS_SOURCE = /signed_?headers|^['"`]?[a-z0-9-]+(?:;[a-z0-9-]+)+['"`]?$/i;
const CANONICAL_HEADERS_SOURCE = /canonical_?headers/i;
/** The payload-hash line when written literally: S3's unsigned and streaming markers. */
const LITERAL_PAYLOAD_HASH = /^(?:UNSIGNED-PAYLOAD|STREAMING-[A-Z0-9-]+|[0-9a-f]{64})$/;

/** One slot of the canonical request: an expression, or literal text written in place. */
export type CanonicalSlot =
  | { kind: 'expression'; node: TSESTree.Node }
  | { kind: 'text'; parts: StringPart[]; owner: TSESTree.Node };

export interface CanonicalRequestSlots {
  query: CanonicalSlot | null;
  headers: CanonicalSlot | null;
  signedHeaders: CanonicalSlot | null;
  /** True when the signed-headers slot is named like one: enough to recognise SigV4 without a marker. */
  namedLikeSigV4: boolean;
}

/** `method`, `uri`, `query`, `headers`, `signed headers`, `payload hash`: six lines. */
const CANONICAL_LINE_COUNT = 6;

/**
 * The slots of `[method, uri, query, headers, signed, hash].join('\n')`, or null when `call` is
 * not such a join. A blank element between headers and signed headers (headers written without
 * their trailing newline) is allowed.
 */
export function canonicalRequestFromJoin(call: TSESTree.CallExpression, sourceCode: { getText(node: TSESTree.Node): string }): CanonicalRequestSlots | null {
  const { callee } = call;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ArrayExpression) return null;
  if (!isLineBreakJoin(call)) return null;
  return canonicalRequestFromLines(callee.object.elements, sourceCode);
}

/** True for `x.join('\n')`. */
export function isLineBreakJoin(call: TSESTree.CallExpression): boolean {
  const [separator] = call.arguments;
  return separator?.type === AST_NODE_TYPES.Literal && separator.value === '\n';
}

/** `const parts = []; parts.push(method); … parts.push(hash); parts.join('\n')`: six pushed lines. */
export function canonicalRequestFromPushedLines(
  join: TSESTree.CallExpression,
  scopeOf: ScopeOf,
  sourceCode: { getText(node: TSESTree.Node): string },
): CanonicalRequestSlots | null {
  const { callee } = join;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || !isLineBreakJoin(join)) return null;
  const variable = findVariableOf(callee.object, scopeOf);
  const init = variable ? onlyWrittenValue(variable) : undefined;
  if (!variable || init?.type !== AST_NODE_TYPES.ArrayExpression || init.elements.length > 0) return null;
  const pushed = variable.references.flatMap((reference) => {
    const call = enclosingMethodCall(reference.identifier);
    return call && calledMethodName(call) === 'push' ? call.arguments : [];
  });
  return canonicalRequestFromLines(pushed, sourceCode);
}

/**
 * The slots of six lines joined with `\n` (array elements, or the arguments of six `push` calls),
 * or null when there are not six.
 */
export function canonicalRequestFromLines(
  lines: readonly (TSESTree.Node | null)[],
  sourceCode: { getText(node: TSESTree.Node): string },
): CanonicalRequestSlots | null {
  const elements = withoutBlankLineBeforeSignedHeaders(lines);
  if (elements.length !== CANONICAL_LINE_COUNT) return null;
  const slots = elements.map((element): CanonicalSlot | null =>
    element && element.type !== AST_NODE_TYPES.SpreadElement ? slotOf(element) : null,
  );
  const [headers, signed] = [elements[3], elements[4]];
  return {
    query: slots[2] ?? null,
    headers: slots[3] ?? null,
    signedHeaders: slots[4] ?? null,
    namedLikeSigV4:
      (!!signed && SIGNED_HEADERS_SOURCE.test(sourceCode.getText(signed))) ||
      (!!headers && CANONICAL_HEADERS_SOURCE.test(sourceCode.getText(headers))),
  };
}

function withoutBlankLineBeforeSignedHeaders<T extends TSESTree.Node | null>(elements: readonly T[]): T[] {
  if (elements.length !== CANONICAL_LINE_COUNT + 1) return [...elements];
  const blank = elements[4];
  const isBlank = blank?.type === AST_NODE_TYPES.Literal && blank.value === '';
  return isBlank ? elements.filter((_, index) => index !== 4) : [...elements];
}

function slotOf(node: TSESTree.Node): CanonicalSlot {
  const parts = flattenStringParts(node);
  if (parts && parts.every((part) => part.kind === 'text')) return { kind: 'text', parts, owner: node };
  return { kind: 'expression', node };
}

/** Cheap pre-check for a template literal: six lines need five line breaks in its own text. */
export function hasCanonicalRequestLineBreaks(template: TSESTree.TemplateLiteral): boolean {
  const lineBreaks = template.quasis.reduce((count, quasi) => count + (quasi.value.cooked ?? '').split('\n').length - 1, 0);
  return lineBreaks >= CANONICAL_LINE_COUNT - 1;
}

/**
 * The slots of a canonical request written as one template or `+` chain with a `\n` between
 * the six lines, or null when `node` is not one.
 */
export function canonicalRequestFromString(node: TSESTree.Node, sourceCode: { getText(node: TSESTree.Node): string }): CanonicalRequestSlots | null {
  const parts = flattenStringParts(node);
  if (!parts) return null;
  let lines = splitStringParts(parts, '\n');
  if (lines.length === CANONICAL_LINE_COUNT + 1 && lines[4]?.length === 0) lines = lines.filter((_, index) => index !== 4);
  if (lines.length !== CANONICAL_LINE_COUNT) return null;
  // The last line is the payload hash: one expression (a digest call or a variable) or S3's markers.
  const [payload] = lines[5] ?? [];
  if (lines[5]?.length !== 1 || !payload) return null;
  if (payload.kind === 'text' && !LITERAL_PAYLOAD_HASH.test(payload.text)) return null;
  const slots = lines.map((line) => lineSlot(line, node));
  return {
    query: slots[2] ?? null,
    headers: slots[3] ?? null,
    signedHeaders: slots[4] ?? null,
    namedLikeSigV4: lineReads(lines[4], SIGNED_HEADERS_SOURCE, sourceCode) || lineReads(lines[3], CANONICAL_HEADERS_SOURCE, sourceCode),
  };
}

function lineReads(line: StringPart[] | undefined, pattern: RegExp, sourceCode: { getText(node: TSESTree.Node): string }): boolean {
  const [only] = line ?? [];
  if (line?.length !== 1 || !only) return false;
  return pattern.test(only.kind === 'dynamic' ? sourceCode.getText(only.node) : only.text);
}

function lineSlot(line: StringPart[], owner: TSESTree.Node): CanonicalSlot | null {
  const [only] = line;
  if (line.length === 1 && only?.kind === 'dynamic') return { kind: 'expression', node: only.node };
  if (line.length > 0 && line.every((part) => part.kind === 'text')) return { kind: 'text', parts: line, owner };
  return null;
}
