// What an expression may hold, without a type checker: constants folded by eslint-utils'
// getStaticValue, then every branch, concatenation, `const` chain, object property, `[…].join`,
// function return, parameter (the arguments of every call in the file) and `this.x` write.
import { getStaticValue } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeOf, callSitesOf } from './callee';
import { asThis, memberValues } from './members';
import { defaultUnderCaller, objectAt, type ObjectAt, propertyAt } from './object-at';
import {
  concatAll,
  constantsOf,
  constantValue,
  hasUnknownPart,
  numbersOf,
  plus,
  type Possible,
  type Primitive,
  singleConstant,
  union,
  unknownValue,
  withSource,
} from './possible';
import { guarded, MAX_DEPTH, returnedExpressions, scopeOf, type Session } from './session';
import { definitionKind, type FunctionNode, memberName, skipWrappers, variableOf } from './syntax';

/** Every value `node` may hold (memoised per file); unknown pieces wherever it cannot be sure. */
export function resolveValue(session: Session, node: TSESTree.Node, depth = 0): Possible {
  const cached = session.resolved.get(node);
  if (cached) return cached;
  if (depth > MAX_DEPTH) return unknownValue(node);
  if (session.active.has(node)) {
    session.cuts += 1;
    return unknownValue(node);
  }
  const cutsBefore = session.cuts;
  session.active.add(node);
  const result = guarded(session, unknownValue(node), () => computeValue(session, node, depth));
  session.active.delete(node);
  if (session.cuts === cutsBefore) session.resolved.set(node, result);
  return result;
}

function isPrimitive(value: unknown): value is Primitive {
  return value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol');
}

/**
 * Nodes folded by the layer itself rather than by eslint-utils: member reads (`objectAt` sees later
 * writes), and variables and the string-building nodes over them, whose initialisers a rule must know.
 */
const FOLDED_HERE: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ConditionalExpression,
]);

/** eslint-utils' constant folding, for literals, arithmetic and calls of known pure functions. */
function staticValueOf(session: Session, node: TSESTree.Node): Possible | undefined {
  if (FOLDED_HERE.has(node.type) || (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')) return undefined;
  // eslint-utils is typed against ESTree; TSESTree nodes are a superset it walks the same way.
  const found = getStaticValue(node as never, scopeOf(session, node) as never);
  return found && isPrimitive(found.value) ? constantValue(found.value) : undefined;
}

function computeValue(session: Session, node: TSESTree.Node, depth: number): Possible {
  const expression = skipWrappers(node);
  const folded = staticValueOf(session, expression);
  if (folded) return folded;
  const next = (child: TSESTree.Node): Possible => resolveValue(session, child, depth + 1);
  switch (expression.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return concatAll(
        expression.quasis.flatMap((quasi, index) => {
          const inner = expression.expressions[index];
          return [constantValue(quasi.value.cooked ?? quasi.value.raw), ...(inner ? [next(inner)] : [])];
        }),
        expression,
      );
    case AST_NODE_TYPES.BinaryExpression:
      return binaryValue(expression, next);
    case AST_NODE_TYPES.LogicalExpression:
      return logicalValue(expression, next);
    case AST_NODE_TYPES.ConditionalExpression:
      return union([next(expression.consequent), next(expression.alternate)], expression);
    case AST_NODE_TYPES.AwaitExpression:
      return next(expression.argument);
    case AST_NODE_TYPES.AssignmentExpression:
      return expression.operator === '=' ? next(expression.right) : unknownValue(expression);
    case AST_NODE_TYPES.SequenceExpression:
      return next(expression.expressions.at(-1) ?? expression);
    case AST_NODE_TYPES.Identifier:
      return identifierValue(session, expression, depth);
    case AST_NODE_TYPES.MemberExpression:
      return memberValue(session, expression, depth);
    case AST_NODE_TYPES.CallExpression:
      return callValue(session, expression, depth);
    default:
      return unknownValue(expression);
  }
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '**': (a, b) => a ** b,
};

function binaryValue(node: TSESTree.BinaryExpression, next: (child: TSESTree.Node) => Possible): Possible {
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return unknownValue(node);
  const left = next(node.left);
  const right = next(node.right);
  if (node.operator === '+') return plus(left, right, node);
  const operate = ARITHMETIC[node.operator];
  if (!operate || hasUnknownPart(left) || hasUnknownPart(right)) return unknownValue(node);
  const values = numbersOf(left).flatMap((a) => numbersOf(right).map((b) => constantValue(operate(a, b))));
  return values.length > 0 ? union(values, node) : unknownValue(node);
}

/** `a || b` / `a ?? b` may be either side, unless the left is known and decides it. */
function logicalValue(node: TSESTree.LogicalExpression, next: (child: TSESTree.Node) => Possible): Possible {
  const left = next(node.left);
  const constants = constantsOf(left);
  if (!hasUnknownPart(left) && constants.length > 0) {
    const takesLeft = constants.map((value) => {
      if (node.operator === '||') return Boolean(value);
      if (node.operator === '??') return value !== null && value !== undefined;
      return !value;
    });
    if (takesLeft.every(Boolean)) return left;
    if (!takesLeft.some(Boolean)) return next(node.right);
  }
  return union([left, next(node.right)], node);
}

function identifierValue(session: Session, identifier: TSESTree.Identifier, depth: number): Possible {
  const variable = variableOf(identifier, scopeOf(session, identifier));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  // Globals eslint-utils knows the value of: `undefined`, `NaN`, `Infinity`.
  if (!variable || variable.defs.length === 0) return staticMemberValue(session, identifier) ?? unknownValue(identifier);
  if (!definition) return unknownValue(identifier);
  const kind = definitionKind(definition);
  if (kind === 'Parameter') return parameterValue(session, identifier, definition.node, definition.name, depth);
  const declarator = definition.node;
  if (kind !== 'Variable' || declarator.type !== AST_NODE_TYPES.VariableDeclarator) return unknownValue(identifier);
  const loop = declarator.parent.parent;
  if (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) return unknownValue(identifier);
  if (declarator.id !== definition.name) return destructuredValue(session, definition.name, declarator, depth);
  const writes = variable.references.filter((reference) => reference.isWrite());
  // A write after the use may reach it (a loop, a callback run later): only run time knows.
  if (writes.some((write) => write.identifier.range[0] > identifier.range[0])) return unknownValue(identifier);
  return writesValue(session, writes, identifier, depth);
}

/** The value after every write in order: `=` may replace (any write may be the one that ran), `+=` appends. */
function writesValue(
  session: Session,
  writes: readonly { readonly identifier: TSESTree.Node; readonly writeExpr?: TSESTree.Node | null }[],
  identifier: TSESTree.Identifier,
  depth: number,
): Possible {
  let value: Possible | undefined;
  for (const write of writes) {
    const assigned = write.writeExpr;
    if (!assigned) return unknownValue(identifier);
    const written = withSource(resolveValue(session, assigned, depth + 1), assigned);
    const assignment = write.identifier.parent;
    const operator = assignment?.type === AST_NODE_TYPES.AssignmentExpression ? assignment.operator : '=';
    if (operator === '+=' && value) value = plus(value, written, identifier);
    else if (operator === '=') value = value && writes.length > 1 && value !== written ? union([value, written], identifier) : written;
    else return unknownValue(identifier);
  }
  return value ?? constantValue(undefined);
}

/** `const { a: { b } } = obj` reads `b` from the object the pattern destructures. */
function destructuredValue(session: Session, identifier: TSESTree.Node, declarator: TSESTree.VariableDeclarator, depth: number): Possible {
  const property = identifier.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.parent !== declarator.id || !declarator.init) return unknownValue(identifier);
  const name = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  if (name === undefined) return unknownValue(identifier);
  const object = objectAt(session, declarator.init, declarator);
  const lookup = propertyAt(object, name);
  if (lookup.kind === 'unknown') return callerOrDefault(session, object, name, identifier, depth);
  return lookup.kind === 'found' && lookup.maybe.length === 0 ? resolveValue(session, lookup.value, depth + 1) : unknownValue(identifier);
}

/** A key a caller's options may override: the caller's value (unknown) or the default under it. */
function callerOrDefault(session: Session, object: ObjectAt, name: string, node: TSESTree.Node, depth: number): Possible {
  const fallback = defaultUnderCaller(object, name);
  return fallback ? union([unknownValue(node), withSource(resolveValue(session, fallback, depth + 1), fallback)], node) : unknownValue(node);
}

/** A parameter holds what every call in the file passes (or its default); unknown when called from elsewhere. */
function parameterValue(session: Session, identifier: TSESTree.Identifier, fn: TSESTree.Node, name: TSESTree.Node, depth: number): Possible {
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
    return unknownValue(identifier);
  }
  const index = fn.params.findIndex((param) => declaredParameter(param) === name);
  const param = fn.params[index];
  if (!param) {
    // `function link({ key, expires = 2592000 })`: the caller's value, or the default when it leaves the key out.
    const fallback = destructuredDefault(name);
    return fallback ? union([unknownValue(identifier), withSource(resolveValue(session, fallback, depth + 1), fallback)], identifier) : unknownValue(identifier);
  }
  const declared = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  const fallback = declared.type === AST_NODE_TYPES.AssignmentPattern ? declared.right : undefined;
  const sites = callSitesOf(session, fn as FunctionNode);
  const values = sites.calls.map((call) => {
    const argument = call.arguments.slice(0, index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement) ? undefined : call.arguments[index];
    if (argument) return withSource(resolveValue(session, argument, depth + 1), argument);
    return fallback ? resolveValue(session, fallback, depth + 1) : constantValue(undefined);
  });
  if (sites.open || values.length === 0) values.push(fallback ? union([unknownValue(identifier), resolveValue(session, fallback, depth + 1)], identifier) : unknownValue(identifier));
  return union(values, identifier);
}

/** The name a parameter declares: itself, the left of its default, or the parameter of a TypeScript parameter property. */
function declaredParameter(param: TSESTree.Parameter): TSESTree.Node {
  const declared = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  return declared.type === AST_NODE_TYPES.AssignmentPattern ? declared.left : declared;
}

/** The default of a name destructured from an object or array parameter (`{ expires = 3600 }`), if it has one. */
function destructuredDefault(name: TSESTree.Node): TSESTree.Node | undefined {
  const pattern = name.parent;
  if (pattern?.type !== AST_NODE_TYPES.AssignmentPattern || pattern.left !== name) return undefined;
  const holder = pattern.parent;
  const inObject = holder?.type === AST_NODE_TYPES.Property && holder.parent.type === AST_NODE_TYPES.ObjectPattern;
  return inObject || holder?.type === AST_NODE_TYPES.ArrayPattern ? pattern.right : undefined;
}

function memberValue(session: Session, member: TSESTree.MemberExpression, depth: number): Possible {
  const name = memberName(member);
  if (name === undefined) return unknownValue(member);
  const self = asThis(session, member.object);
  if (self) {
    const values = memberValues(session, self, name);
    if (values.length === 0) return unknownValue(member);
    return union(values.map((value) => withSource(resolveValue(session, value, depth + 1), value)), member);
  }
  const arrayElement = arrayElementValue(session, member, name, depth);
  if (arrayElement) return arrayElement;
  const object = objectAt(session, member.object, member);
  const lookup = propertyAt(object, name);
  if (lookup.kind === 'unknown' && defaultUnderCaller(object, name)) return callerOrDefault(session, object, name, member, depth);
  if (lookup.kind !== 'found') return (readsGlobal(session, member) && staticMemberValue(session, member)) || unknownValue(member);
  const values = [lookup.value, ...lookup.maybe].map((value) => withSource(resolveValue(session, value, depth + 1), value));
  return union(values, member);
}

/** `Math.PI`, `Number.MAX_SAFE_INTEGER`: a member chain rooted at an undeclared global (a declared object may have been mutated). */
function readsGlobal(session: Session, member: TSESTree.MemberExpression): boolean {
  let root: TSESTree.Node = member;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(root, scopeOf(session, root));
  return !variable || variable.defs.length === 0;
}

/** `Math.PI`, `undefined` and other constants of globals, which eslint-utils knows. */
function staticMemberValue(session: Session, node: TSESTree.MemberExpression | TSESTree.Identifier): Possible | undefined {
  const found = getStaticValue(node as never, scopeOf(session, node) as never);
  return found && isPrimitive(found.value) ? constantValue(found.value) : undefined;
}

function arrayElementValue(session: Session, member: TSESTree.MemberExpression, name: string, depth: number): Possible | undefined {
  if (!/^\d+$/.test(name)) return undefined;
  const elements = arrayElements(session, member.object, depth);
  const element = elements?.[Number(name)];
  return element ? resolveValue(session, element, depth + 1) : undefined;
}

/** The elements of an array literal, inline or in a `const` never pushed to; undefined with spreads or holes. */
function arrayElements(session: Session, node: TSESTree.Node, depth: number): TSESTree.Expression[] | undefined {
  const expression = skipWrappers(node);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    const elements = expression.elements;
    return elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement)
      ? (elements as TSESTree.Expression[])
      : undefined;
  }
  if (expression.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return undefined;
  const variable = variableOf(expression, scopeOf(session, expression));
  const declarator = variable?.defs.length === 1 ? variable.defs[0]?.node : undefined;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
  // `list.push(x)`, `list.splice(…)`: a method called on the array may change its elements.
  const mutated = variable?.references.some((reference) => {
    const member = reference.identifier.parent;
    const call = member?.parent;
    return !reference.init && member?.type === AST_NODE_TYPES.MemberExpression && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member;
  });
  return mutated ? undefined : arrayElements(session, declarator.init, depth + 1);
}

const NUMBER_CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat']);

function callValue(session: Session, call: TSESTree.CallExpression, depth: number): Possible {
  const callee = skipWrappers(call.callee);
  const [first] = call.arguments;
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'join') {
    return joinValue(session, call, callee.object, depth);
  }
  if (callee.type === AST_NODE_TYPES.Identifier && first && first.type !== AST_NODE_TYPES.SpreadElement) {
    if (NUMBER_CONVERSIONS.has(callee.name)) return toNumbers(resolveValue(session, first, depth + 1), call);
    if (callee.name === 'String') return plus(constantValue(''), resolveValue(session, first, depth + 1), call);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'toString' && call.arguments.length === 0) {
    return plus(constantValue(''), resolveValue(session, callee.object, depth + 1), call);
  }
  const target = calleeOf(session, call);
  if (target?.kind !== 'function') return unknownValue(call);
  const returns = returnedExpressions(session, target.node);
  if (returns.length === 0) return unknownValue(call);
  return union(returns.map((value) => withSource(resolveValue(session, value, depth + 1), value)), call);
}

/** `parseInt(x)`: numeric constants become numbers; anything else stays unknown. */
function toNumbers(possible: Possible, node: TSESTree.Node): Possible {
  const alternatives = possible.alternatives.map((alternative) => {
    const value = numbersOf({ alternatives: [alternative], sources: [] })[0];
    return value === undefined ? unknownValue(node).alternatives[0] ?? [] : [{ kind: 'value' as const, value }];
  });
  return { alternatives, sources: possible.sources };
}

/** `[a, b, c].join(sep)`: the elements' values with the separator between them. */
function joinValue(session: Session, call: TSESTree.CallExpression, array: TSESTree.Node, depth: number): Possible {
  const elements = arrayElements(session, array, depth);
  const separatorNode = call.arguments[0];
  const separator = separatorNode ? singleConstant(resolveValue(session, separatorNode, depth + 1)) : ',';
  if (!elements || separator === undefined) return unknownValue(call);
  const pieces = elements.flatMap((element, index) => [
    ...(index > 0 ? [constantValue(String(separator))] : []),
    resolveValue(session, element, depth + 1),
  ]);
  return concatAll(pieces, call);
}
