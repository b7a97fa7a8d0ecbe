// Matches a hand-built SigV4 canonical request and names its query and header slots.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ScopeOf } from './const-binding';
import { findVariableOf } from './const-binding';
import type { StringPart } from './string-parts';
import { flattenStringParts, isStringExpression, splitStringParts } from './string-parts';
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
  | {
      kind: 'text';
      parts: StringPart[];
      owner: TSESTree.Node;
      /** Accumulated with `+=`: the statement that wrote each line of the slot, where a finding belongs. */
      lineOwners?: TSESTree.Node[];
    };

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

/**
 * `[method, NL, uri, NL, query, …].join('')` with NL a `'\n'` literal or a `const` holding one: the
 * elements between two line breaks make one line (none: a blank line).
 */
export function canonicalRequestFromSeparatedJoin(
  call: TSESTree.CallExpression,
  scopeOf: ScopeOf,
  sourceCode: { getText(node: TSESTree.Node): string },
): CanonicalRequestSlots | null {
  const { callee } = call;
  const [separator] = call.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ArrayExpression) return null;
  if (separator?.type !== AST_NODE_TYPES.Literal || separator.value !== '') return null;
  const lines: (TSESTree.Node | null)[][] = [[]];
  for (const element of callee.object.elements) {
    if (element && isLineBreakValue(element, scopeOf)) lines.push([]);
    else lines[lines.length - 1]?.push(element);
  }
  // Only the blank line after the canonical headers (their own trailing newline) may be empty.
  const blankLineAllowed = (index: number): boolean => lines.length === CANONICAL_LINE_COUNT + 1 && index === 4;
  if (lines.some((line, index) => line.length > 1 || (line.length === 0 && !blankLineAllowed(index)))) return null;
  const nonBlank = lines.filter((line) => line.length === 1).map(([line]) => line ?? null);
  return nonBlank.length === CANONICAL_LINE_COUNT ? canonicalRequestFromLines(nonBlank, sourceCode) : null;
}

function isLineBreakValue(node: TSESTree.Node, scopeOf: ScopeOf): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return node.value === '\n';
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableOf(node, scopeOf);
  const value = variable ? onlyWrittenValue(variable) : undefined;
  return value?.type === AST_NODE_TYPES.Literal && value.value === '\n';
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
  return parts ? canonicalRequestFromParts(parts, node, sourceCode) : null;
}

/**
 * `let canonical = method + '\n'; canonical += path + '\n'; …`: a canonical request accumulated with
 * `+=` statements run in order (none in a branch or loop), read as one concatenation. A literal line is
 * reported on the statement that appended it.
 */
export function canonicalRequestFromAccumulation(
  declarator: TSESTree.VariableDeclarator,
  sourceCode: Readonly<TSESLint.SourceCode>,
): CanonicalRequestSlots | null {
  const init = declarator.init;
  if (!init || declarator.id.type !== AST_NODE_TYPES.Identifier || !isStringExpression(init)) return null;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  const block = declarator.parent.parent;
  const appended = (variable?.references ?? []).flatMap((reference) => {
    const assignment = reference.identifier.parent;
    return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === '+=' && assignment.left === reference.identifier
      ? [assignment]
      : [];
  });
  const inOrder = appended.every((assignment) => assignment.parent?.type === AST_NODE_TYPES.ExpressionStatement && assignment.parent.parent === block);
  if (appended.length < 3 || !inOrder) return null;
  const pieces = [
    { statement: declarator as TSESTree.Node, parts: piecesOf(init) },
    ...appended.map((assignment) => ({ statement: assignment.parent as TSESTree.Node, parts: piecesOf(assignment.right) })),
  ];
  const parts = pieces.flatMap((piece) => piece.parts);
  return canonicalRequestFromParts(mergeTexts(parts), declarator, sourceCode, lineOwnersOf(pieces, declarator));
}

function piecesOf(piece: TSESTree.Node): StringPart[] {
  return flattenStringParts(piece) ?? [{ kind: 'dynamic', node: piece }];
}

/** Per line of the accumulated text (split on `\n`), the first statement that wrote something on it. */
function lineOwnersOf(pieces: readonly { statement: TSESTree.Node; parts: readonly StringPart[] }[], fallback: TSESTree.Node): TSESTree.Node[][] {
  const owners: (TSESTree.Node | undefined)[] = [undefined];
  for (const { statement, parts } of pieces) {
    for (const part of parts) {
      const segments = part.kind === 'dynamic' ? [null] : part.text.split('\n');
      segments.forEach((segment, index) => {
        if (index > 0) owners.push(undefined);
        if (segment !== '') owners[owners.length - 1] ??= statement;
      });
    }
  }
  return owners.map((owner) => [owner ?? fallback]);
}

/**
 * Header lines appended one statement each (`x-amz-date:…\n`, `host:…\n`, blank line): the lines
 * between the query line and the blank line before the signed headers, joined back into one slot.
 */
function groupHeaderLines(lines: StringPart[][], owners: TSESTree.Node[][]): { lines: StringPart[][]; owners: TSESTree.Node[][] } {
  const blank = lines.length - 3;
  if (lines.length <= CANONICAL_LINE_COUNT + 1 || lines[blank]?.length !== 0) return { lines, owners };
  const headerLines = lines.slice(3, blank);
  const headers = headerLines.flatMap((line, index): StringPart[] => (index === 0 ? line : [{ kind: 'text', text: '\n' }, ...line]));
  return {
    lines: [...lines.slice(0, 3), mergeTexts(headers), ...lines.slice(blank + 1)],
    owners: [...owners.slice(0, 3), owners.slice(3, blank).flat(), ...owners.slice(blank + 1)],
  };
}

/** Joins adjacent texts, as one concatenation would read. */
function mergeTexts(parts: readonly StringPart[]): StringPart[] {
  const merged: StringPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (part.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: last.text + part.text };
    else merged.push(part);
  }
  return merged;
}

function canonicalRequestFromParts(
  parts: StringPart[],
  node: TSESTree.Node,
  sourceCode: { getText(node: TSESTree.Node): string },
  accumulatedLineOwners?: TSESTree.Node[][],
): CanonicalRequestSlots | null {
  let lines = splitStringParts(parts, '\n');
  let owners = accumulatedLineOwners ?? [];
  if (accumulatedLineOwners) ({ lines, owners } = groupHeaderLines(lines, accumulatedLineOwners));
  if (lines.length === CANONICAL_LINE_COUNT + 1 && lines[4]?.length === 0) {
    lines = lines.filter((_, index) => index !== 4);
    owners = owners.filter((_, index) => index !== 4);
  }
  if (lines.length !== CANONICAL_LINE_COUNT) return null;
  // The last line is the payload hash: one expression (a digest call or a variable) or S3's markers.
  const [payload] = lines[5] ?? [];
  if (lines[5]?.length !== 1 || !payload) return null;
  if (payload.kind === 'text' && !LITERAL_PAYLOAD_HASH.test(payload.text)) return null;
  const slots = lines.map((line, index) => (accumulatedLineOwners ? accumulatedSlot(line, node, owners[index]) : lineSlot(line, node)));
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

/** A slot of an accumulated request: its text is read even when it mixes in values (`'host:' + host`). */
function accumulatedSlot(line: StringPart[], declarator: TSESTree.Node, lineOwners: TSESTree.Node[] = []): CanonicalSlot | null {
  const slot = lineSlot(line, declarator);
  if (slot?.kind === 'expression') return slot;
  if (line.length === 0) return null;
  const [only] = lineOwners;
  return { kind: 'text', parts: line, owner: lineOwners.length === 1 && only ? only : declarator, lineOwners };
}

function lineSlot(line: StringPart[], owner: TSESTree.Node): CanonicalSlot | null {
  const [only] = line;
  if (line.length === 1 && only?.kind === 'dynamic') return { kind: 'expression', node: only.node };
  if (line.length > 0 && line.every((part) => part.kind === 'text')) return { kind: 'text', parts: line, owner };
  return null;
}
