// Reading a class's own methods through `this.name(…)`: what a one-line helper method returns and
// where it is called, so a signer split over small methods (date, HMAC, header) reads as one.
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, ClassDeclaration, ClassExpression, MethodDeclaration, PropertyAccessExpression } from 'ts-morph';

type ClassLike = ClassDeclaration | ClassExpression;

/** The function `this` means at `node`: the nearest enclosing function that is not an arrow function. */
export function thisOwner(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) =>
    Node.isMethodDeclaration(ancestor) || Node.isConstructorDeclaration(ancestor) || Node.isFunctionDeclaration(ancestor) ||
    Node.isFunctionExpression(ancestor) || Node.isGetAccessorDeclaration(ancestor) || Node.isSetAccessorDeclaration(ancestor) ||
    Node.isPropertyDeclaration(ancestor) || Node.isSourceFile(ancestor));
}

/** The class whose instance `this` is at `node`, when `node` sits in one of its methods or its constructor. */
export function thisClass(node: Node): ClassLike | undefined {
  const owner = thisOwner(node);
  if (!owner || !(Node.isMethodDeclaration(owner) || Node.isConstructorDeclaration(owner))) return undefined;
  const parent = owner.getParent();
  return Node.isClassDeclaration(parent) || Node.isClassExpression(parent) ? parent : undefined;
}

/** The method `this.name(…)` calls, when the class declares exactly one method of that name. */
export function calledThisMethod(call: Node): MethodDeclaration | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !Node.isThisExpression(callee.getExpression())) return undefined;
  const methods = thisClass(call)?.getMethods().filter((method) => method.getName() === callee.getName() && !method.isStatic()) ?? [];
  return methods.length === 1 ? methods[0] : undefined;
}

/** The expression a method whose body is one `return expr;` returns. */
export function soleReturnExpression(method: MethodDeclaration): Node | undefined {
  const statements = method.getBody()?.getChildrenOfKind(SyntaxKind.SyntaxList)[0]?.getChildren() ?? [];
  const [only] = statements;
  return statements.length === 1 && Node.isReturnStatement(only) ? only.getExpression() : undefined;
}

/** Every `this.name` in the class's own methods and constructor (calls and reads). */
export function thisMemberReads(owner: ClassLike, name: string): PropertyAccessExpression[] {
  return owner.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).filter((access) =>
    access.getName() === name && Node.isThisExpression(access.getExpression()) && thisClass(access) === owner);
}

/** The only `this.name(…)` call of a method in its class. */
export function soleThisCall(method: MethodDeclaration): CallExpression | undefined {
  const owner = method.getParent();
  if (!Node.isClassDeclaration(owner) && !Node.isClassExpression(owner)) return undefined;
  const reads = thisMemberReads(owner, method.getName());
  const call = reads.length === 1 ? reads[0]!.getParent() : undefined;
  return Node.isCallExpression(call) && call.getExpression() === reads[0] ? call : undefined;
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
  const initializer = owner.getProperty(name)?.getInitializer();
  if (initializer) values.push(initializer);
  for (const read of thisMemberReads(owner, name)) {
    const parent = read.getParent();
    if (!Node.isBinaryExpression(parent) || parent.getLeft() !== read) continue;
    if (parent.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
    values.push(parent.getRight());
  }
  return values.length > 0 ? values : undefined;
}
