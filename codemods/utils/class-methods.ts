// Reading a class's own methods through `this.name(…)`: what a one-line helper method returns and
// where it is called, so a signer split over small methods (date, HMAC, header) reads as one. A
// constructor function with `Ctor.prototype.name = function () {…}` methods reads as a class too.
import { Node, SyntaxKind } from 'ts-morph';
import type { BinaryExpression, CallExpression, ClassDeclaration, ClassExpression, FunctionDeclaration, FunctionExpression, MethodDeclaration, PropertyAccessExpression } from 'ts-morph';

type ClassLike = ClassDeclaration | ClassExpression;
/** A class, or a constructor function whose prototype carries the methods. */
export type ThisOwner = ClassLike | FunctionDeclaration;
/** A class method, or a function assigned as `Ctor.prototype.name`. */
export type MethodLike = MethodDeclaration | FunctionExpression;

/** The function `this` means at `node`: the nearest enclosing function that is not an arrow function. */
export function thisOwner(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) =>
    Node.isMethodDeclaration(ancestor) || Node.isConstructorDeclaration(ancestor) || Node.isFunctionDeclaration(ancestor) ||
    Node.isFunctionExpression(ancestor) || Node.isGetAccessorDeclaration(ancestor) || Node.isSetAccessorDeclaration(ancestor) ||
    Node.isPropertyDeclaration(ancestor) || Node.isSourceFile(ancestor));
}

/** `Ctor.prototype.name = function () {…}`: the constructor's name and the method's. */
function prototypeAssignment(fn: Node): { ctor: string; name: string } | undefined {
  const assignment = fn.getParent();
  if (!Node.isFunctionExpression(fn) || !Node.isBinaryExpression(assignment) || assignment.getRight() !== fn) return undefined;
  if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || !Node.isExpressionStatement(assignment.getParent())) return undefined;
  const target = assignment.getLeft();
  const prototype = Node.isPropertyAccessExpression(target) ? target.getExpression() : undefined;
  if (!Node.isPropertyAccessExpression(prototype) || prototype.getName() !== 'prototype' || !Node.isIdentifier(prototype.getExpression())) return undefined;
  return { ctor: prototype.getExpression().getText(), name: (target as PropertyAccessExpression).getName() };
}

/** The file's one top-level function declaration named `name`. */
function constructorNamed(node: Node, name: string): FunctionDeclaration | undefined {
  const found = node.getSourceFile().getFunctions().filter((fn) => fn.getName() === name);
  return found.length === 1 ? found[0] : undefined;
}

/** Every `Ctor.prototype.name = function` of a constructor function, in file order. */
export function prototypeMethods(ctor: FunctionDeclaration): FunctionExpression[] {
  const name = ctor.getName();
  return ctor.getSourceFile().getDescendantsOfKind(SyntaxKind.FunctionExpression).filter((fn) => name !== undefined && prototypeAssignment(fn)?.ctor === name);
}

/** The class whose instance `this` is at `node`: a class's method or constructor, a constructor function or one of its prototype methods. */
export function thisClass(node: Node): ThisOwner | undefined {
  const owner = thisOwner(node);
  if (Node.isFunctionExpression(owner)) {
    const assigned = prototypeAssignment(owner);
    return assigned && constructorNamed(owner, assigned.ctor);
  }
  if (Node.isFunctionDeclaration(owner)) return prototypeMethods(owner).length > 0 ? owner : undefined;
  if (!owner || !(Node.isMethodDeclaration(owner) || Node.isConstructorDeclaration(owner))) return undefined;
  const parent = owner.getParent();
  return Node.isClassDeclaration(parent) || Node.isClassExpression(parent) ? parent : undefined;
}

/** True when `node` is a method or the constructor of the class `this` means there (not a plain function). */
export function isInstanceCode(node: Node): boolean {
  const owner = thisOwner(node);
  return thisClass(node) !== undefined && (Node.isMethodDeclaration(owner) || Node.isConstructorDeclaration(owner) || Node.isFunctionExpression(owner) || Node.isFunctionDeclaration(owner));
}

/** A method's name: the class member's, or the prototype property it is assigned to. */
export function methodName(method: MethodLike): string {
  return Node.isMethodDeclaration(method) ? method.getName() : (prototypeAssignment(method)?.name ?? method.getName() ?? '');
}

/** The instance methods of a class or a constructor function's prototype named `name`. */
function methodsNamed(owner: ThisOwner, name: string): MethodLike[] {
  if (Node.isFunctionDeclaration(owner)) return prototypeMethods(owner).filter((method) => prototypeAssignment(method)?.name === name);
  return owner.getMethods().filter((method) => method.getName() === name && !method.isStatic());
}

/** The method `this.name(…)` calls, when the class declares exactly one method of that name. */
export function calledThisMethod(call: Node): MethodLike | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !Node.isThisExpression(callee.getExpression())) return undefined;
  const owner = thisClass(call);
  const methods = owner ? methodsNamed(owner, callee.getName()) : [];
  // A constructor function may also set `this.name = …` on the instance, which hides the prototype's.
  if (owner && Node.isFunctionDeclaration(owner) && thisMemberReads(owner, callee.getName()).some(isAssignmentTarget)) return undefined;
  return methods.length === 1 ? methods[0] : undefined;
}

/** The class or constructor function a method belongs to. */
export function methodOwner(method: MethodLike): ThisOwner | undefined {
  if (Node.isFunctionExpression(method)) return thisClass(method.getBody());
  const owner = method.getParent();
  return Node.isClassDeclaration(owner) || Node.isClassExpression(owner) ? owner : undefined;
}

/** The expression a method whose body is one `return expr;` returns. */
export function soleReturnExpression(method: MethodLike): Node | undefined {
  const statements = method.getBody()?.getChildrenOfKind(SyntaxKind.SyntaxList)[0]?.getChildren() ?? [];
  const [only] = statements;
  return statements.length === 1 && Node.isReturnStatement(only) ? only.getExpression() : undefined;
}

/** Every `this.name` in the class's own methods and constructor (calls and reads). */
export function thisMemberReads(owner: ThisOwner, name: string): PropertyAccessExpression[] {
  const scope = Node.isFunctionDeclaration(owner) ? owner.getSourceFile() : owner;
  return scope.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).filter((access) =>
    access.getName() === name && Node.isThisExpression(access.getExpression()) && thisClass(access) === owner);
}

/** The only `this.name(…)` call of a method in its class. */
export function soleThisCall(method: MethodLike): CallExpression | undefined {
  const owner = methodOwner(method);
  if (!owner) return undefined;
  const reads = thisMemberReads(owner, methodName(method));
  const call = reads.length === 1 ? reads[0]!.getParent() : undefined;
  return Node.isCallExpression(call) && call.getExpression() === reads[0] ? call : undefined;
}

function isAssignmentTarget(access: PropertyAccessExpression): boolean {
  const parent = access.getParent();
  return Node.isBinaryExpression(parent) && parent.getLeft() === access && parent.getOperatorToken().getKind() >= SyntaxKind.FirstAssignment && parent.getOperatorToken().getKind() <= SyntaxKind.LastAssignment;
}

/**
 * Every value the class gives `this.name`: its field initializer and each `this.name = value` in
 * its methods and constructor; undefined when the class is not in view or a write is not a plain `=`.
 */
export function thisFieldValues(access: PropertyAccessExpression): Node[] | undefined {
  const owner = thisClass(access);
  if (!owner || !Node.isThisExpression(access.getExpression())) return undefined;
  const name = access.getName();
  const values: Node[] = [];
  const initializer = Node.isFunctionDeclaration(owner) ? undefined : owner.getProperty(name)?.getInitializer();
  if (initializer) values.push(initializer);
  for (const read of thisMemberReads(owner, name)) {
    if (!isAssignmentTarget(read)) continue;
    const parent = read.getParentOrThrow() as BinaryExpression;
    if (parent.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
    values.push(parent.getRight());
  }
  return values.length > 0 ? values : undefined;
}
