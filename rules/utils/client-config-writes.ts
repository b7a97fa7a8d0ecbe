// aws-sdk v2 clients whose own `config` is given a `signatureVersion` after they are built:
// `s3.config.update({ signatureVersion: 'v4' })`, `s3.config.signatureVersion = 'v4'`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeOf } from './const-binding';
import { findObjectProperty } from './object-literal';
import { memberName, type ValueTracker } from '../values';

/** `<client>.config`, and the client's construction when it is visible. */
function clientOfConfig(node: TSESTree.Node, values: ValueTracker): TSESTree.NewExpression | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== 'config') return undefined;
  return values.constructionOf(node.object);
}

/** The constructions whose config a visible write sets (or may set) `signatureVersion` on. */
export function clientsConfiguredLater(
  updates: readonly TSESTree.CallExpression[],
  assignments: readonly TSESTree.AssignmentExpression[],
  values: ValueTracker,
  scopeOf: ScopeOf,
): Set<TSESTree.NewExpression> {
  const configured = new Set<TSESTree.NewExpression>();
  for (const call of updates) {
    const options = call.arguments[0];
    const client = call.callee.type === AST_NODE_TYPES.MemberExpression ? clientOfConfig(call.callee.object, values) : undefined;
    if (client && options && findObjectProperty(options, 'signatureVersion', scopeOf).kind !== 'absent') configured.add(client);
  }
  for (const assignment of assignments) {
    const target = assignment.left;
    const client = target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'signatureVersion' ? clientOfConfig(target.object, values) : undefined;
    if (client) configured.add(client);
  }
  return configured;
}
