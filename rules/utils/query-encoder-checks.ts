// Tells whether query-building code encodes as SigV4 does: every built-in encoder completed to
// RFC 3986, and every hand-made `%XX` escape in upper-case hex.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ScopeOf } from './const-binding';
import { isUndeclaredGlobal } from './const-binding';
import type { FileCode } from './local-functions';
import { calledLocalFunctions } from './local-functions';
import { containsNode } from './node-children';
import { isFunctionNode, isInsideReplacementCallback } from './query-building-shapes';
import type { ValueTracker } from '../values';
import {
  builtinEncoderName,
  encodesLikeRfc3986,
  isCompletedByReplaceChain,
  isHexToStringCall,
  isRfc3986ExtrasReplace,
  isUpperCasedAlongChain,
} from './uri-encoder-calls';

/** The name of the global encoder `call` runs when nothing around it completes it to RFC 3986, else null. */
export function incompleteEncoderName(call: TSESTree.CallExpression, code: FileCode): string | null {
  const encoder = builtinEncoderName(call.callee);
  if (!encoder || !isUndeclaredGlobal(call.callee as TSESTree.Identifier, (node) => code.sourceCode.getScope(node))) return null;
  const completed = isCompletedByReplaceChain(call) || isCompletedByWrapper(call, code) || encodesLikeRfc3986(call, encoder);
  if (completed) return null;
  const [argument] = call.arguments;
  return argument && code.values && cannotHoldRfc3986Extras(argument, code.values) ? null : encoder;
}

/** `values.map(encodeURIComponent)`: the global encoder passed as a callback, where nothing can complete it. */
export function isEncoderPassedAsCallback(identifier: TSESTree.Identifier, scopeOf: ScopeOf): boolean {
  const { parent } = identifier;
  return (
    !!builtinEncoderName(identifier) &&
    parent.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.includes(identifier as TSESTree.CallExpressionArgument) &&
    isUndeclaredGlobal(identifier, scopeOf)
  );
}

/** A `.toString(16)` that makes a percent escape and is never upper-cased. */
export function isLowerCaseHexEscaper(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return isHexToStringCall(call) && isPercentEscaper(call, sourceCode) && !isUpperCasedAlongChain(call);
}

/** `fix(encodeURIComponent(s))` where the local `fix` re-encodes `!'()*` (aws4's `encodeRfc3986`). */
function isCompletedByWrapper(encoderCall: TSESTree.CallExpression, { sourceCode, functionsByName }: FileCode): boolean {
  const wrapper = encoderCall.parent;
  if (wrapper.type !== AST_NODE_TYPES.CallExpression || !wrapper.arguments.includes(encoderCall)) return false;
  const functions = calledLocalFunctions(wrapper, functionsByName, (node) => sourceCode.getScope(node));
  return functions.length > 0 && functions.every((fn) => containsNode(fn.body, isRfc3986ExtrasReplace, sourceCode.visitorKeys));
}

/** A `.toString(16)` inside a `.replace` callback, or in a function that writes a `%` literal. */
function isPercentEscaper(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (isInsideReplacementCallback(call)) return true;
  let fn: TSESTree.Node | undefined = call.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  return !!fn && /(['"`])%\1/.test(sourceCode.getText(fn));
}

/** Characters encodeURIComponent keeps that SigV4 percent-encodes. */
const RFC3986_EXTRAS = /[!'()*]/;

/**
 * Run-time values that by their name hold only `[A-Za-z0-9/_.:-]`: access key ids, dates, regions,
 * services, credential scopes, hex digests and signatures, also as environment names (`AWS_REGION`).
 */
const SAFE_VALUE_NAME = /^(?:aws_?)?(?:access_?key(?:_?id)?|akid|key_?id|(?:amz_?|short_?|iso_?)?date(?:_?stamp|_?time)?|timestamp|region|service(?:_?name)?|(?:credential_?)?scope|hash|digest|hex|signature|payload_?hash|x_?amz_?\w*|day)$/i;

/** The name an expression reads (`accessKeyId`, `this.region`, `creds.accessKeyId`). */
function readName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  return undefined;
}

/** `hash.digest('hex')`, `x.toString('hex')`, `date.toISOString()…`: text made of hex digits or ISO dates. */
function isHexOrDateCall(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const [first] = node.arguments;
  const hexArgument = first?.type === AST_NODE_TYPES.Literal && first.value === 'hex';
  const method = readName(node.callee);
  if (hexArgument && (method === 'digest' || method === 'toString')) return true;
  return method === 'toISOString' || (/^(?:replace|slice|substring|substr)$/.test(method ?? '') && /date|iso/i.test(readName(node.callee.object) ?? ''));
}

/**
 * True when every value the argument may hold is built from constants without `!'()*` and run-time
 * pieces that cannot hold them (the credential scope `AKID/20240101/us-east-1/s3/aws4_request`, the
 * fixed `X-Amz-*` values, hex digests): encodeURIComponent is then exactly RFC 3986 encoding.
 */
function cannotHoldRfc3986Extras(argument: TSESTree.Node, values: ValueTracker): boolean {
  const possible = values.resolve(argument);
  return possible.alternatives.every((alternative) =>
    alternative.every((part) => {
      if (part.kind === 'value') return !RFC3986_EXTRAS.test(String(part.value));
      const name = readName(part.node);
      return (name !== undefined && SAFE_VALUE_NAME.test(name)) || isHexOrDateCall(part.node);
    }),
  );
}
