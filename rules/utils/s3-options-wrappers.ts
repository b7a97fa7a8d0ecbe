// Libraries that hand an `s3Options` object unchanged to aws-sdk v2's `new AWS.S3(…)` (node-s3-client
// and its forks: `s3.createClient({ s3Options: { signatureVersion: 's3' } })`).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ScopeOf } from './const-binding';
import { resolveModuleMember } from './module-binding';
import { findObjectDestinations } from './object-destinations';
import { getPropertyKeyName } from './static-value';

const S3_OPTIONS_WRAPPERS = new Set(['s3', '@auth0/s3', 's3-client', 'node-s3-client']);

function isWrapperCreateClient(call: TSESTree.CallExpression | TSESTree.NewExpression, scopeOf: ScopeOf): boolean {
  const member = resolveModuleMember(call.callee, scopeOf);
  const path = member?.path[0] === 'default' ? member.path.slice(1) : member?.path;
  return member !== undefined && S3_OPTIONS_WRAPPERS.has(member.source) && path?.join('.') === 'createClient';
}

/** True when the object is the `s3Options` of settings passed to such a library's `createClient(…)`. */
export function isS3OptionsOfWrapper(object: TSESTree.ObjectExpression, sourceCode: Readonly<TSESLint.SourceCode>, scopeOf: ScopeOf): boolean {
  const holder = object.parent;
  if (holder?.type !== AST_NODE_TYPES.Property || holder.value !== object || getPropertyKeyName(holder) !== 's3Options') return false;
  const settings = holder.parent;
  if (settings.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return findObjectDestinations(settings, sourceCode).some(
    (destination) => 'call' in destination && destination.call.arguments[0] === destination.argument && isWrapperCreateClient(destination.call, scopeOf),
  );
}
