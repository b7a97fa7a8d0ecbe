// Matches percent-encoder calls and tells whether they produce SigV4's RFC 3986 encoding.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** Characters `encodeURIComponent` leaves alone but SigV4 (RFC 3986 unreserved only) encodes. */
export const RFC3986_EXTRA_CHARACTERS = "!'()*";

const BUILTIN_ENCODERS = new Set(['encodeURIComponent', 'encodeURI', 'escape']);

/** The global encoder's name when `node` is `encodeURIComponent`, `encodeURI` or `escape`. */
export function builtinEncoderName(node: TSESTree.Node): string | null {
  return node.type === AST_NODE_TYPES.Identifier && BUILTIN_ENCODERS.has(node.name) ? node.name : null;
}

/** True when the encoder's static string argument encodes the same as RFC 3986 would: nothing to fix. */
export function encodesLikeRfc3986(call: TSESTree.CallExpression, encoder: string): boolean {
  const [argument] = call.arguments;
  const text = staticText(argument);
  if (text === null) return false;
  const rfc3986 = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const encoders: Record<string, (value: string) => string> = { encodeURIComponent, encodeURI, escape };
  return encoders[encoder]?.(text) === rfc3986;
}

function staticText(node: TSESTree.Node | undefined): string | null {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The method name when `node` is a call `x.name(…)`. */
export function calledMethodName(node: TSESTree.Node): string | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const { callee } = node;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (!callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
  if (callee.property.type === AST_NODE_TYPES.Literal && typeof callee.property.value === 'string') {
    return callee.property.value;
  }
  return null;
}

/** The call `node.method(…)` when `node` is the receiver of one, else null. */
export function enclosingMethodCall(node: TSESTree.Node): TSESTree.CallExpression | null {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return null;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : null;
}

/**
 * True when the `.replace`/`.replaceAll` calls chained on an encoder's result re-encode every one
 * of `!'()*` (the fix MDN and the AWS SDKs use), so the result is RFC 3986.
 */
export function isCompletedByReplaceChain(encoderCall: TSESTree.Node): boolean {
  const covered = new Set<string>();
  let current: TSESTree.Node = encoderCall;
  for (let call = enclosingMethodCall(current); call; call = enclosingMethodCall(current)) {
    const method = calledMethodName(call);
    if (method !== 'replace' && method !== 'replaceAll') break;
    for (const character of charactersReplaced(call.arguments[0], method)) covered.add(character);
    current = call;
  }
  return [...RFC3986_EXTRA_CHARACTERS].every((character) => covered.has(character));
}

/** True for a `.replace`/`.replaceAll` call that re-encodes all of `!'()*` by itself (`/[!'()*]/g`). */
export function isRfc3986ExtrasReplace(node: TSESTree.Node): boolean {
  const method = calledMethodName(node);
  if (node.type !== AST_NODE_TYPES.CallExpression || (method !== 'replace' && method !== 'replaceAll')) return false;
  const replaced = new Set(charactersReplaced(node.arguments[0], method));
  return [...RFC3986_EXTRA_CHARACTERS].every((character) => replaced.has(character));
}

function charactersReplaced(pattern: TSESTree.Node | undefined, method: string): string[] {
  if (pattern?.type !== AST_NODE_TYPES.Literal) return [];
  if ('regex' in pattern && pattern.regex) {
    const { pattern: source, flags } = pattern.regex;
    if (!flags.includes('g')) return [];
    const expression = compileWithoutGlobal(source, flags);
    return expression ? [...RFC3986_EXTRA_CHARACTERS].filter((character) => expression.test(character)) : [];
  }
  if (typeof pattern.value === 'string' && method === 'replaceAll') return [pattern.value];
  return [];
}

/** The pattern as a non-global RegExp (so `test` has no state), or null when this Node cannot compile it. */
function compileWithoutGlobal(source: string, flags: string): RegExp | null {
  try {
    return new RegExp(source, flags.replace('g', ''));
  } catch {
    return null;
  }
}

/** True when a `.toString(16)` call's hex is upper-cased further along its chain. */
export function isUpperCasedAlongChain(hexCall: TSESTree.Node): boolean {
  let current: TSESTree.Node = hexCall;
  for (let call = enclosingMethodCall(current); call; call = enclosingMethodCall(current)) {
    if (calledMethodName(call) === 'toUpperCase') return true;
    current = call;
  }
  return false;
}

/** True for `x.toString(16)`: the usual way a hand-written encoder makes a `%XX` escape. */
export function isHexToStringCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  if (calledMethodName(node) !== 'toString' || node.type !== AST_NODE_TYPES.CallExpression) return false;
  const [radix] = node.arguments;
  return radix?.type === AST_NODE_TYPES.Literal && radix.value === 16;
}

/** True for a string literal holding a lower-case percent escape such as `%2a`. */
export function hasLowerCaseHexEscape(node: TSESTree.Node): node is TSESTree.StringLiteral {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && /%(?:[a-f][0-9a-f]|[0-9a-f][a-f])/.test(node.value);
}
