// Which `new X(…)` made the object an expression holds: through `const` aliases, `await`, factories
// (`const getS3 = () => new AWS.S3(opts)`), object members, `this.x` set anywhere in the class and getters.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeOf } from './callee';
import { asThis, getterReturns, memberValues, staticFieldValues } from './members';
import { objectAt, propertyValue } from './object-at';
import { MAX_DEPTH, memoised, returnedExpressions, scopeOf, type Session } from './session';
import { definitionKind, memberName, skipWrappers, variableOf } from './syntax';

export function constructionOf(session: Session, node: TSESTree.Node): TSESTree.NewExpression | undefined {
  return memoised(session, 'construction', node, () => findConstruction(session, node, 0), undefined);
}

/** The one construction all candidates agree on; none when they differ or none is visible. */
function onlyConstruction(session: Session, candidates: readonly TSESTree.Node[], depth: number): TSESTree.NewExpression | undefined {
  const found = new Set(candidates.map((candidate) => findConstruction(session, candidate, depth + 1)));
  const [only] = found;
  return found.size === 1 ? only : undefined;
}

function findConstruction(session: Session, node: TSESTree.Node, depth: number): TSESTree.NewExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.NewExpression:
      return expression;
    case AST_NODE_TYPES.AwaitExpression:
      return findConstruction(session, expression.argument, depth + 1);
    case AST_NODE_TYPES.AssignmentExpression:
      return findConstruction(session, expression.right, depth + 1);
    case AST_NODE_TYPES.Identifier:
      return identifierConstruction(session, expression, depth);
    case AST_NODE_TYPES.MemberExpression:
      return memberConstruction(session, expression, depth);
    case AST_NODE_TYPES.CallExpression: {
      const target = calleeOf(session, expression);
      return target?.kind === 'function' ? onlyConstruction(session, returnedExpressions(session, target.node), depth) : undefined;
    }
    default:
      return undefined;
  }
}

function identifierConstruction(session: Session, identifier: TSESTree.Identifier, depth: number): TSESTree.NewExpression | undefined {
  const variable = variableOf(identifier, scopeOf(session, identifier));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition || definitionKind(definition) !== 'Variable') return undefined;
  const declarator = definition.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== definition.name) return undefined;
  const loop = declarator.parent.parent;
  if (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) return undefined;
  const values = variable.references.flatMap((reference) => (reference.isWrite() && reference.writeExpr ? [reference.writeExpr] : []));
  return onlyConstruction(session, values, depth);
}

function memberConstruction(session: Session, member: TSESTree.MemberExpression, depth: number): TSESTree.NewExpression | undefined {
  const name = memberName(member);
  if (name === undefined) return undefined;
  // `static s3 = new AWS.S3(…)` read as `Storage.s3`, or as `this.s3` in a static method.
  const statics = staticFieldValues(session, member);
  if (statics.length > 0) return onlyConstruction(session, statics, depth);
  const self = asThis(session, member.object);
  if (self) {
    // A lazy getter (`get client() { return this.cached ??= new S3(…) }`) makes what it returns.
    const written = memberValues(session, self, name);
    return onlyConstruction(session, written.length > 0 ? written : getterReturns(session, self, name), depth);
  }
  const value = propertyValue(objectAt(session, member.object, member), name);
  return value ? findConstruction(session, value, depth + 1) : undefined;
}
