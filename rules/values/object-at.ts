// What an options object holds where it is used: its literal, then (in source order, before the use)
// member assignments, `Object.assign` and spreads; writes that run only sometimes are marked maybe,
// and whatever only run time knows (a spread of a parameter, a computed key) opens the object.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeOf } from './callee';
import { asThis, memberValues, thisMemberPropertyWrites } from './members';
import { guarded, MAX_DEPTH, returnedExpressions, scopeOf, type Session } from './session';
import { definitionKind, enclosingFunctionOrProgram, keyName, memberName, runsConditionallyWithin, skipWrappers, variableOf } from './syntax';

/** One step in building the object: a property set, or a part only run time knows. */
export type ObjectEntry =
  | { readonly kind: 'set'; readonly name: string; readonly value: TSESTree.Node; readonly maybe: boolean; readonly node: TSESTree.Node }
  /**
   * `fromCaller`: the unknown part is a parameter, so the caller decides it. `lacks`: keys its type
   * annotation rules out (`overrides: Omit<Options, 'signatureVersion'>`).
   */
  | { readonly kind: 'open'; readonly fromCaller: boolean; readonly maybe: boolean; readonly lacks?: readonly string[] };

export interface ObjectAt {
  readonly entries: readonly ObjectEntry[];
  /** The object literal the value starts from, when one is visible (where a fix can add a property). */
  readonly literal: TSESTree.ObjectExpression | undefined;
}

/** What the object holds under one key at the use. */
export type PropertyAt =
  | { readonly kind: 'found'; readonly value: TSESTree.Node; readonly node: TSESTree.Node; readonly maybe: readonly TSESTree.Node[] }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly fromCaller: boolean };

const OPEN: ObjectAt = { entries: [{ kind: 'open', fromCaller: false, maybe: false }], literal: undefined };
const FROM_CALLER: ObjectAt = { entries: [{ kind: 'open', fromCaller: true, maybe: false }], literal: undefined };

/** The object `node` evaluates to at `use` (by default, at `node` itself; `'end'`: after every write in the file). */
export function objectAt(session: Session, node: TSESTree.Node, use: TSESTree.Node | 'end' = node): ObjectAt {
  return shapeOf(session, node, use === 'end' ? Number.POSITIVE_INFINITY : use.range[0], 0);
}

/** Looks a key up as the runtime would: the last definite write wins, later conditional ones may replace it. */
export function propertyAt(object: ObjectAt, name: string): PropertyAt {
  const maybe: TSESTree.Node[] = [];
  for (let index = object.entries.length - 1; index >= 0; index -= 1) {
    const entry = object.entries[index];
    if (!entry) continue;
    if (entry.kind === 'open') {
      if (entry.lacks?.includes(name)) continue;
      if (!entry.maybe) return { kind: 'unknown', fromCaller: entry.fromCaller };
      continue;
    }
    if (entry.name !== name) continue;
    if (!entry.maybe) return { kind: 'found', value: entry.value, node: entry.node, maybe };
    maybe.unshift(entry.value);
  }
  const [first, ...rest] = maybe;
  const openAnywhere = object.entries.find((entry) => entry.kind === 'open' && !entry.lacks?.includes(name));
  if (openAnywhere?.kind === 'open') return { kind: 'unknown', fromCaller: openAnywhere.fromCaller };
  return first ? { kind: 'found', value: first, node: first, maybe: rest } : { kind: 'absent' };
}

/**
 * The default under a caller's options: `{ ...DEFAULTS, ...options }` holds DEFAULTS' value for the key
 * whenever the caller leaves it out. Undefined when something other than a caller may have replaced it.
 */
export function defaultUnderCaller(object: ObjectAt, name: string): TSESTree.Node | undefined {
  for (let index = object.entries.length - 1; index >= 0; index -= 1) {
    const entry = object.entries[index];
    if (!entry || entry.maybe) continue;
    if (entry.kind === 'open') {
      if (!entry.fromCaller) return undefined;
      continue;
    }
    if (entry.name === name) return entry.value;
  }
  return undefined;
}

/** The value a key surely holds at the use, or undefined. */
export function propertyValue(object: ObjectAt, name: string): TSESTree.Node | undefined {
  const lookup = propertyAt(object, name);
  return lookup.kind === 'found' && lookup.maybe.length === 0 ? lookup.value : undefined;
}

function asMaybe(object: ObjectAt): ObjectEntry[] {
  return object.entries.map((entry) => ({ ...entry, maybe: true }));
}

function shapeOf(session: Session, node: TSESTree.Node, before: number, depth: number): ObjectAt {
  if (depth > MAX_DEPTH) return OPEN;
  return guarded(session, OPEN, () => computeShape(session, node, before, depth));
}

function computeShape(session: Session, node: TSESTree.Node, before: number, depth: number): ObjectAt {
  const expression = skipWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return { entries: literalEntries(session, expression, depth), literal: expression };
    case AST_NODE_TYPES.Identifier:
      return identifierShape(session, expression, before, depth);
    case AST_NODE_TYPES.CallExpression:
      return callShape(session, expression, depth);
    case AST_NODE_TYPES.LogicalExpression: {
      const left = shapeOf(session, expression.left, before, depth + 1);
      const right = shapeOf(session, expression.right, before, depth + 1);
      return { entries: [...asMaybe(left), ...asMaybe(right)], literal: undefined };
    }
    case AST_NODE_TYPES.MemberExpression:
      return memberShape(session, expression, before, depth);
    default:
      return OPEN;
  }
}

function literalEntries(session: Session, object: TSESTree.ObjectExpression, depth: number): ObjectEntry[] {
  return object.properties.flatMap((property): ObjectEntry[] => {
    if (property.type === AST_NODE_TYPES.SpreadElement) return [...shapeOf(session, property.argument, property.range[0], depth + 1).entries];
    const name = keyName(property.key, property.computed);
    if (name === undefined) return [{ kind: 'open', fromCaller: false, maybe: false }];
    return [{ kind: 'set', name, value: property.value, maybe: false, node: property }];
  });
}

function identifierShape(session: Session, identifier: TSESTree.Identifier, before: number, depth: number): ObjectAt {
  const variable = variableOf(identifier, scopeOf(session, identifier));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition) return OPEN;
  if (definitionKind(definition) === 'Parameter') return parameterShape(definition.name);
  const declarator = definition.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== definition.name) return OPEN;
  const base = declarator.init ? shapeOf(session, declarator.init, declarator.range[0], depth + 1) : { entries: [], literal: undefined };
  const entries = [...base.entries];
  const container = declarator.parent.parent ?? declarator;
  for (const reference of variable.references) {
    const at = reference.identifier;
    if (at.type !== AST_NODE_TYPES.Identifier || reference.init || at.range[0] >= before || at.range[0] < declarator.range[0]) continue;
    entries.push(...writeEntries(session, at, container, depth));
  }
  return { entries, literal: base.literal };
}

/** A parameter's object comes from the caller; an `Omit<T, 'k' | …>` annotation says which keys it cannot have. */
function parameterShape(name: TSESTree.Node): ObjectAt {
  const annotation = name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  const lacks = annotation ? omittedKeys(annotation) : [];
  return lacks.length === 0 ? FROM_CALLER : { entries: [{ kind: 'open', fromCaller: true, maybe: false, lacks }], literal: undefined };
}

/** The string-literal keys of `Omit<T, 'a' | 'b'>`; [] for any other type. */
function omittedKeys(type: TSESTree.TypeNode): string[] {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeName.name !== 'Omit') return [];
  const keys = type.typeArguments?.params[1];
  const members = keys?.type === AST_NODE_TYPES.TSUnionType ? keys.types : keys ? [keys] : [];
  return members.flatMap((member) =>
    member.type === AST_NODE_TYPES.TSLiteralType && member.literal.type === AST_NODE_TYPES.Literal && typeof member.literal.value === 'string'
      ? [member.literal.value]
      : [],
  );
}

/** How one mention of the variable changes the object: `o.k = v`, `Object.assign(o, …)`, `o = …`. */
function writeEntries(session: Session, at: TSESTree.Identifier, container: TSESTree.Node, depth: number): ObjectEntry[] {
  const parent = at.parent;
  const maybeAt = (node: TSESTree.Node): boolean => runsConditionallyWithin(node, container);
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === at) {
    const assignment = parent.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== parent) return [];
    const name = memberName(parent);
    if (name === undefined) return [{ kind: 'open', fromCaller: false, maybe: maybeAt(assignment) }];
    return [{ kind: 'set', name, value: assignment.right, maybe: maybeAt(assignment), node: assignment }];
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === at && isObjectAssign(parent)) {
    const maybe = maybeAt(parent);
    return parent.arguments.slice(1).flatMap((source) => {
      const entries = shapeOf(session, source, parent.range[0], depth + 1).entries;
      return maybe ? entries.map((entry) => ({ ...entry, maybe: true })) : [...entries];
    });
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === at) {
    const replaced = shapeOf(session, parent.right, parent.range[0], depth + 1);
    return maybeAt(parent) ? asMaybe(replaced) : [{ kind: 'open', fromCaller: false, maybe: true }, ...replaced.entries];
  }
  return [];
}

export function isObjectAssign(call: TSESTree.CallExpression): boolean {
  return isObjectMethodCall(call, 'assign');
}

function isObjectMethodCall(call: TSESTree.CallExpression, method: string): boolean {
  const callee = skipWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    memberName(callee) === method
  );
}

/** `Object.assign({}, a, b)` merges in order; a local factory's single returned object is its shape. */
function callShape(session: Session, call: TSESTree.CallExpression, depth: number): ObjectAt {
  // `Object.freeze({…})` is its argument.
  if (isObjectMethodCall(call, 'freeze') && call.arguments[0]) return shapeOf(session, call.arguments[0], call.range[0], depth + 1);
  if (isObjectAssign(call)) {
    const entries = call.arguments.flatMap((argument) => shapeOf(session, argument, call.range[0], depth + 1).entries);
    return { entries, literal: undefined };
  }
  const target = calleeOf(session, call);
  if (target?.kind !== 'function') return OPEN;
  const returns = returnedExpressions(session, target.node);
  const [only] = returns;
  return returns.length === 1 && only ? shapeOf(session, only, only.range[0], depth + 1) : OPEN;
}

function memberShape(session: Session, member: TSESTree.MemberExpression, before: number, depth: number): ObjectAt {
  const name = memberName(member);
  if (name === undefined) return OPEN;
  const self = asThis(session, member.object);
  if (self) {
    const values = memberValues(session, self, name);
    const [only] = values;
    if (values.length !== 1 || !only) return OPEN;
    const base = shapeOf(session, only, only.range[0], depth + 1);
    const writes = thisMemberPropertyWrites(session, self, name).filter((write) => write.range[0] > only.range[0] && write.range[0] < before);
    return writes.length === 0 ? base : { entries: [...base.entries, ...writes.map((write) => fieldWriteEntry(write, only))], literal: base.literal };
  }
  const value = propertyValue(shapeOf(session, member.object, before, depth + 1), name);
  return value ? shapeOf(session, value, value.range[0], depth + 1) : OPEN;
}

/**
 * `this.opts.k = v` after `this.opts = {…}`: definite when it runs unconditionally in the function that
 * set the field (the constructor, usually), maybe anywhere else.
 */
function fieldWriteEntry(write: TSESTree.AssignmentExpression, initialiser: TSESTree.Node): ObjectEntry {
  const home = enclosingFunctionOrProgram(initialiser);
  const maybe = enclosingFunctionOrProgram(write) !== home || runsConditionallyWithin(write, home);
  const name = write.left.type === AST_NODE_TYPES.MemberExpression ? memberName(write.left) : undefined;
  return name === undefined ? { kind: 'open', fromCaller: false, maybe } : { kind: 'set', name, value: write.right, maybe, node: write };
}
