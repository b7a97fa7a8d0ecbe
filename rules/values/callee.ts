// Which function a call (or a callback passed by name) runs, and where a function is called from:
// through `const` aliases, `this`/prototype methods, object members, `.bind(…)` and `promisify(…)`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { asThis, memberValues } from './members';
import { objectAt, propertyValue } from './object-at';
import { MAX_DEPTH, memoised, scopeOf, type Session } from './session';
import { type FunctionNode, isFunctionNode, memberName, skipWrappers, variableOf } from './syntax';

/** What a call runs: a function written in this file, or a method of some receiver (`s3.getSignedUrl`). */
export type CalleeTarget =
  | { readonly kind: 'function'; readonly node: FunctionNode }
  | { readonly kind: 'method'; readonly receiver: TSESTree.Node; readonly name: string };

/** Where a function is called: the calls seen, and whether it may also be called from elsewhere. */
export interface CallSites {
  readonly calls: readonly TSESTree.CallExpression[];
  /** Exported, passed as a value, or a public method: callers outside this file may pass anything. */
  readonly open: boolean;
}

const PROMISIFY_NAMES = new Set(['promisify', 'promisifyAll', 'fromCallback']);

/** The function or method a call or a function-valued expression refers to. */
export function calleeOf(session: Session, node: TSESTree.Node): CalleeTarget | undefined {
  const target = node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression ? node.callee : node;
  return memoised(session, 'callee', target, () => findTarget(session, target, 0), undefined);
}

function findTarget(session: Session, node: TSESTree.Node, depth: number): CalleeTarget | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipWrappers(node);
  if (isFunctionNode(expression)) return { kind: 'function', node: expression };
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return identifierTarget(session, expression, depth);
    case AST_NODE_TYPES.MemberExpression:
      return memberTarget(session, expression, depth);
    case AST_NODE_TYPES.CallExpression:
      return wrappedTarget(session, expression, depth);
    default:
      return undefined;
  }
}

function identifierTarget(session: Session, identifier: TSESTree.Identifier, depth: number): CalleeTarget | undefined {
  const variable = variableOf(identifier, scopeOf(session, identifier));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  if (isFunctionNode(definition.node)) return { kind: 'function', node: definition.node };
  const declarator = definition.node;
  const writes = variable?.references.filter((reference) => reference.isWrite()) ?? [];
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== definition.name || writes.length > 1) {
    return undefined;
  }
  const value = declarator.init ?? writes[0]?.writeExpr;
  return value ? findTarget(session, value, depth + 1) : undefined;
}

function memberTarget(session: Session, member: TSESTree.MemberExpression, depth: number): CalleeTarget | undefined {
  const name = memberName(member);
  if (name === undefined) return undefined;
  const self = asThis(session, member.object);
  if (self) {
    const functions = memberValues(session, self, name).filter(isFunctionNode);
    return functions.length === 1 && functions[0] ? { kind: 'function', node: functions[0] } : { kind: 'method', receiver: member.object, name };
  }
  const value = propertyValue(objectAt(session, member.object, member), name);
  const found = value && findTarget(session, value, depth + 1);
  return found ?? { kind: 'method', receiver: member.object, name };
}

/** `f.bind(x)`, `f.call`-free wrappers: `promisify(f)`, `util.promisify(f)`, `Bluebird.promisify(f)`. */
function wrappedTarget(session: Session, call: TSESTree.CallExpression, depth: number): CalleeTarget | undefined {
  const callee = skipWrappers(call.callee);
  const [first] = call.arguments;
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind') {
    return findTarget(session, callee.object, depth + 1);
  }
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name !== undefined && PROMISIFY_NAMES.has(name) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
    return findTarget(session, first, depth + 1);
  }
  return undefined;
}

/** Every call of a function in this file, and whether it can be called from elsewhere too. */
export function callSitesOf(session: Session, fn: FunctionNode): CallSites {
  return memoised(session, 'callSites', fn, () => {
    const variable = functionVariable(session, fn);
    if (!variable) return { calls: [], open: true };
    const calls: TSESTree.CallExpression[] = [];
    let open = isExported(fn);
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (reference.init || (reference.isWrite() && !reference.isRead())) continue;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
      else open = true;
    }
    return { calls, open };
  }, { calls: [], open: true });
}

function functionVariable(session: Session, fn: FunctionNode): ReturnType<typeof variableOf> {
  const manager = session.sourceCode.scopeManager;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return manager?.getDeclaredVariables(fn)[0] ?? null;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn) {
    return manager?.getDeclaredVariables(parent)[0] ?? null;
  }
  return null;
}

function isExported(fn: FunctionNode): boolean {
  const holder = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.parent?.parent : fn.parent;
  return holder?.type === AST_NODE_TYPES.ExportNamedDeclaration || holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}
