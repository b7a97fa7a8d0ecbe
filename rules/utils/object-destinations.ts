// Finds where an object literal ends up as an argument: passed inline, through the variables that
// hold it, spread into another literal, or merged by `Object.assign` — so a rule can start from a
// rare property (`signatureVersion`) and look up the few calls that receive it.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isTypeWrapper } from './const-binding';

/** A call or `new` that receives the object (or an object built from it) as `argument`. */
export interface ObjectDestination {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly argument: TSESTree.Node;
}

/** The right-hand side of an assignment the object (or an object built from it) is assigned by. */
export interface ObjectAssignmentDestination {
  readonly assignment: TSESTree.AssignmentExpression;
}

export type Destination = ObjectDestination | ObjectAssignmentDestination;

// Config objects are rarely handed on more than a few times inside one file.
const MAX_DEPTH = 5;

/** `Object.assign(…)`, whose result holds the properties of every argument. */
export function isObjectAssignCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    !node.callee.computed &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'Object' &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    node.callee.property.name === 'assign'
  );
}

function collectDestinations(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth: number,
  out: Destination[],
): void {
  if (depth > MAX_DEPTH) return;
  let current = node;
  while (current.parent && isTypeWrapper(current.parent)) current = current.parent;
  const parent = current.parent;
  if (!parent) return;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      if (!parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return;
      if (isObjectAssignCall(parent)) collectDestinations(parent, sourceCode, depth + 1, out);
      else out.push({ call: parent, argument: current });
      return;
    case AST_NODE_TYPES.SpreadElement:
      if (parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
        collectDestinations(parent.parent, sourceCode, depth + 1, out);
      }
      return;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right === current) out.push({ assignment: parent });
      return;
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return;
      for (const variable of sourceCode.getDeclaredVariables(parent)) {
        for (const reference of variable.references) {
          if (reference.isRead()) collectDestinations(reference.identifier, sourceCode, depth + 1, out);
        }
      }
      return;
    default:
      return;
  }
}

/** Every visible call or assignment that receives `node` or an object built from it. */
export function findObjectDestinations(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): Destination[] {
  const out: Destination[] = [];
  collectDestinations(node, sourceCode, 0, out);
  return out;
}
