// Tells whether query-building code encodes as SigV4 does: every built-in encoder completed to
// RFC 3986, and every hand-made `%XX` escape in upper-case hex.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ScopeOf } from './const-binding';
import { isUndeclaredGlobal } from './const-binding';
import type { FileCode } from './local-functions';
import { calledLocalFunctions } from './local-functions';
import { containsNode } from './node-children';
import { isFunctionNode, isInsideReplacementCallback } from './query-building-shapes';
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
  return completed ? null : encoder;
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
