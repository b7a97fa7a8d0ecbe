// Reading ts-morph expressions as written (no type checker): through type-only wrappers, string
// literals, object properties by their static name, and values that read the same anywhere.
import { Node } from 'ts-morph';
import type { NoSubstitutionTemplateLiteral, ObjectLiteralExpression, StringLiteral } from 'ts-morph';

type Wrapper = Node & { getExpression(): Node };

/** Wrappers that change a value's type or grouping, never the value. */
export function isTransparentWrapper(node: Node): node is Wrapper {
  return (
    Node.isParenthesizedExpression(node) ||
    Node.isAsExpression(node) ||
    Node.isSatisfiesExpression(node) ||
    Node.isTypeAssertion(node) ||
    Node.isNonNullExpression(node)
  );
}

/** The value inside `(x)`, `x as T`, `x satisfies T`, `<T>x`, `x!`. */
export function innermostExpression(node: Node): Node {
  let current = node;
  while (isTransparentWrapper(current)) current = current.getExpression();
  return current;
}

/** The outermost of the transparent wrappers around `node` (`node` itself when there is none). */
export function outermostWrapper(node: Node): Node {
  let current = node;
  for (let parent = current.getParent(); parent && isTransparentWrapper(parent); parent = parent.getParent()) current = parent;
  return current;
}

/** `'a'`, `"a"` or `` `a` `` without substitutions. */
export function isStringLike(node: Node | undefined): node is StringLiteral | NoSubstitutionTemplateLiteral {
  return Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node);
}

/** The static name of an object property (`a`, `'a'`, `['a']`), if it has one. */
export function propertyName(property: Node): string | undefined {
  if (Node.isShorthandPropertyAssignment(property)) return property.getName();
  if (!Node.isPropertyAssignment(property)) return undefined;
  const name = property.getNameNode();
  if (Node.isIdentifier(name) || Node.isNumericLiteral(name)) return name.getText();
  if (isStringLike(name)) return name.getLiteralValue();
  if (Node.isComputedPropertyName(name)) {
    const expression = name.getExpression();
    return isStringLike(expression) ? expression.getLiteralValue() : undefined;
  }
  return undefined;
}

export function findProperty(object: ObjectLiteralExpression, name: string): Node | undefined {
  return object.getProperties().find((property) => propertyName(property) === name);
}

/** What a property sets: the initializer of `a: v`, the name of the shorthand `{ a }`. */
export function propertyValue(property: Node | undefined): Node | undefined {
  if (!property) return undefined;
  return Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : undefined;
}

/** A value that reads the same wherever it is written: a name, `this.x`, `process.env.X`, `a.b.c`. */
export function isPlainReference(node: Node): boolean {
  const expression = innermostExpression(node);
  if (Node.isIdentifier(expression) || Node.isThisExpression(expression) || isStringLike(expression)) return true;
  return Node.isPropertyAccessExpression(expression) && isPlainReference(expression.getExpression());
}
