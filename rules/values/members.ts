// What `this.x` (or `self.x` with `var self = this`) may hold: every value the class, object literal
// or prototype-style constructor that `this` belongs to writes under that name, anywhere in the file.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { memoised, returnedExpressions, scopeOf, type Session, walk } from './session';
import { definitionKind, isFunctionNode, keyName, memberName, skipWrappers, variableOf } from './syntax';

/** What `this` is an instance of: a class, an object literal, or a prototype-style constructor by name. */
export type Owner = TSESTree.ClassBody | TSESTree.ObjectExpression | string;

type MemberIndex = Map<Owner, Map<string, TSESTree.Node[]>>;

/** The `this` an identifier stands for when it is a `const self = this` alias, else undefined. */
export function thisAliasOf(session: Session, identifier: TSESTree.Identifier): TSESTree.ThisExpression | undefined {
  const variable = variableOf(identifier, scopeOf(session, identifier));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
  const init = skipWrappers(declarator.init);
  const writes = variable?.references.filter((reference) => reference.isWrite()).length;
  return init.type === AST_NODE_TYPES.ThisExpression && writes === 1 ? init : undefined;
}

/** The receiver as a `this`, directly or through a `self` alias. */
export function asThis(session: Session, node: TSESTree.Node): TSESTree.ThisExpression | undefined {
  const receiver = skipWrappers(node);
  if (receiver.type === AST_NODE_TYPES.ThisExpression) return receiver;
  return receiver.type === AST_NODE_TYPES.Identifier ? thisAliasOf(session, receiver) : undefined;
}

/** The owner a function's `this` is, judged by where the function is written. */
function ownerOfFunction(fn: TSESTree.Node): Owner | undefined {
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) return parent.parent;
  if (parent.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    return prototypeOwnerOf(parent.parent.parent) ?? parent.parent;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return prototypeName(parent.left.object);
  }
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return undefined;
}

/** `X` of an `X.prototype` expression. */
function prototypeName(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== 'prototype') return undefined;
  return node.object.type === AST_NODE_TYPES.Identifier ? node.object.name : undefined;
}

/** `X` when the object literal is assigned as `X.prototype = { … }`. */
function prototypeOwnerOf(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.AssignmentExpression) return undefined;
  return prototypeName(node.left);
}

/** The owner of a `this`: through arrow functions up to the method, field or function that binds it. */
export function ownerOfThis(thisNode: TSESTree.ThisExpression): Owner | undefined {
  for (let current: TSESTree.Node | undefined = thisNode.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.parent;
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return ownerOfFunction(current);
  }
  return undefined;
}

function addMember(index: MemberIndex, owner: Owner | undefined, name: string | undefined, value: TSESTree.Node): void {
  if (owner === undefined || name === undefined) return;
  let members = index.get(owner);
  if (!members) index.set(owner, (members = new Map()));
  members.set(name, [...(members.get(name) ?? []), value]);
}

function indexClassBody(index: MemberIndex, body: TSESTree.ClassBody): void {
  for (const element of body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && element.value && !element.static) {
      addMember(index, body, keyName(element.key, element.computed), element.value);
    } else if (element.type === AST_NODE_TYPES.MethodDefinition && !element.static && element.kind === 'method') {
      addMember(index, body, keyName(element.key, element.computed), element.value);
    } else if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      indexParameterProperties(index, body, element.value);
    }
  }
}

/** `constructor(private readonly ttl = 3600)`: `this.ttl` holds the parameter (what callers pass, or its default). */
function indexParameterProperties(index: MemberIndex, body: TSESTree.ClassBody, constructor: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression): void {
  for (const param of constructor.params) {
    if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
    const name = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
    if (name.type === AST_NODE_TYPES.Identifier) addMember(index, body, name.name, name);
  }
}

function indexAssignment(session: Session, index: MemberIndex, assignment: TSESTree.AssignmentExpression): void {
  if (assignment.left.type !== AST_NODE_TYPES.MemberExpression) return;
  const name = memberName(assignment.left);
  const self = asThis(session, assignment.left.object);
  if (self) return addMember(index, ownerOfThis(self), name, assignment.right);
  addMember(index, prototypeName(assignment.left.object), name, assignment.right);
  const right = skipWrappers(assignment.right);
  const owner = prototypeName(assignment.left);
  if (owner === undefined || right.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of right.properties) {
    if (property.type === AST_NODE_TYPES.Property) addMember(index, owner, keyName(property.key, property.computed), property.value);
  }
}

/** Every write to a member of a class, prototype or `this`, in the whole file (built once). */
function memberIndex(session: Session): MemberIndex {
  return memoised(session, 'members', session.sourceCode.ast, () => {
    const index: MemberIndex = new Map();
    walk(session, session.sourceCode.ast, (node) => {
      if (node.type === AST_NODE_TYPES.ClassBody) indexClassBody(index, node);
      else if (node.type === AST_NODE_TYPES.AssignmentExpression) indexAssignment(session, index, node);
      return true;
    });
    return index;
  }, new Map());
}

/** Every value the owner of `thisNode` gives member `name`: fields, methods and assignments. */
export function memberValues(session: Session, thisNode: TSESTree.ThisExpression, name: string): TSESTree.Node[] {
  const owner = ownerOfThis(thisNode);
  if (owner === undefined) return [];
  const written = [...(memberIndex(session).get(owner)?.get(name) ?? [])].sort((a, b) => a.range[0] - b.range[0]);
  if (typeof owner === 'string' || owner.type !== AST_NODE_TYPES.ObjectExpression) return written;
  const literal = owner.properties.flatMap((property) =>
    property.type === AST_NODE_TYPES.Property && keyName(property.key, property.computed) === name ? [property.value] : [],
  );
  return [...literal, ...written];
}

/** The values written to `this.x` / `self.x`; [] when the member is not read from `this`. */
export function thisMemberWrites(session: Session, member: TSESTree.MemberExpression): TSESTree.Node[] {
  const self = asThis(session, member.object);
  const name = memberName(member);
  return self && name !== undefined ? memberValues(session, self, name) : [];
}

/** What reading `this.x` returns when the class defines `get x()`: its returned expressions; [] otherwise. */
export function getterReturns(session: Session, thisNode: TSESTree.ThisExpression, name: string): TSESTree.Node[] {
  const owner = ownerOfThis(thisNode);
  if (owner === undefined || typeof owner === 'string' || owner.type !== AST_NODE_TYPES.ClassBody) return [];
  return owner.body.flatMap((element) =>
    element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'get' && !element.static && keyName(element.key, element.computed) === name
      ? returnedExpressions(session, element.value)
      : [],
  );
}

type PropertyWriteIndex = Map<Owner, Map<string, TSESTree.AssignmentExpression[]>>;

function indexPropertyWrite(session: Session, index: PropertyWriteIndex, assignment: TSESTree.AssignmentExpression): void {
  const holder = assignment.left.type === AST_NODE_TYPES.MemberExpression ? assignment.left.object : undefined;
  if (holder?.type !== AST_NODE_TYPES.MemberExpression) return;
  const self = asThis(session, holder.object);
  const owner = self && ownerOfThis(self);
  const name = memberName(holder);
  if (owner === undefined || name === undefined) return;
  let writes = index.get(owner);
  if (!writes) index.set(owner, (writes = new Map()));
  writes.set(name, [...(writes.get(name) ?? []), assignment]);
}

/** Every `this.x.k = v` (or `self.x.k = v`) the owner of `thisNode` makes on member `name`, in source order. */
export function thisMemberPropertyWrites(session: Session, thisNode: TSESTree.ThisExpression, name: string): TSESTree.AssignmentExpression[] {
  const owner = ownerOfThis(thisNode);
  if (owner === undefined) return [];
  const index = memoised(session, 'memberPropertyWrites', session.sourceCode.ast, () => {
    const found: PropertyWriteIndex = new Map();
    walk(session, session.sourceCode.ast, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression) indexPropertyWrite(session, found, node);
      return true;
    });
    return found;
  }, new Map());
  return index.get(owner)?.get(name) ?? [];
}

/** The class whose static members a receiver reads: `Storage` (the class by name) or `this` in a static method. */
function classOfStaticReceiver(session: Session, receiver: TSESTree.Node): TSESTree.ClassBody | undefined {
  const node = skipWrappers(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const definition = variableOf(node, scopeOf(session, node))?.defs[0];
    const declaration = definition && definitionKind(definition) === 'ClassName' ? definition.node : undefined;
    return declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.ClassExpression ? declaration.body : undefined;
  }
  if (node.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.static ? current.parent : undefined;
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const method = current.parent;
      return method?.type === AST_NODE_TYPES.MethodDefinition && method.static ? method.parent : undefined;
    }
  }
  return undefined;
}

/** The initialisers of a static field read as `Storage.s3` or `this.s3` in a static method; [] for anything else. */
export function staticFieldValues(session: Session, member: TSESTree.MemberExpression): TSESTree.Node[] {
  const name = memberName(member);
  const body = name === undefined ? undefined : classOfStaticReceiver(session, member.object);
  if (!body) return [];
  return body.body.flatMap((element) =>
    element.type === AST_NODE_TYPES.PropertyDefinition && element.static && element.value && keyName(element.key, element.computed) === name ? [element.value] : [],
  );
}
