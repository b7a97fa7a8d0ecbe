// Whether an object a rewrite edits belongs to the one call being fixed: written in the call, or
// held in a variable nothing else reads, so that editing it changes no other code.
import { Node, VariableDeclarationKind } from 'ts-morph';
import type { ObjectLiteralExpression, SourceFile, VariableDeclaration } from 'ts-morph';
import { referencesTo, usesOfVariable } from './bindings';
import { isTransparentWrapper, outermostWrapper } from './expressions';
import { isExportedStatement } from './module-exports';

/** The variable whose initializer holds `node`, looking up through the parents `isPartOfValue` accepts. */
function declarationHolding(node: Node, isPartOfValue: (parent: Node) => boolean): VariableDeclaration | undefined {
  let current = node;
  while (isPartOfValue(current.getParentOrThrow())) current = current.getParentOrThrow();
  const holder = current.getParentOrThrow();
  return Node.isVariableDeclaration(holder) ? holder : undefined;
}

/** `name` when `literal` initializes `const name = {…}` that no `export` hands to other modules. */
function privateConstName(literal: Node): string | undefined {
  const declaration = declarationHolding(literal, isTransparentWrapper);
  if (!declaration || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  const statement = declaration.getVariableStatement();
  if (!statement || isExportedStatement(statement) || statement.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
  return declaration.getName();
}

function isWithin(node: Node, container: Node): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd();
}

/** The innermost object literal whose text holds `offset` (where a rule's suggestion inserts). */
function objectLiteralAt(sourceFile: SourceFile, offset: number): ObjectLiteralExpression | undefined {
  const deepest = sourceFile.getDescendantAtPos(offset);
  if (!deepest) return undefined;
  return [deepest, ...deepest.getAncestors()].find(
    (node): node is ObjectLiteralExpression => Node.isObjectLiteralExpression(node) && node.getStart() <= offset && offset < node.getEnd(),
  );
}

export type LiteralSharing = { kind: 'private' } | { kind: 'shared'; name: string } | { kind: 'unknown' };

/**
 * Whether the object literal holding `offset` is a `const` that only `user` reads (`private`), so
 * editing it changes nothing else; `shared` names the const other code reads too.
 */
export function literalSharingAt(sourceFile: SourceFile, offset: number, user: Node): LiteralSharing {
  const literal = objectLiteralAt(sourceFile, offset);
  const name = literal && privateConstName(literal);
  if (!name) return { kind: 'unknown' };
  const references = referencesTo(sourceFile, name);
  const onlyHere = references.length === 1 && isWithin(references[0]!, user);
  return onlyHere ? { kind: 'private' } : { kind: 'shared', name };
}

/**
 * Where an object lives: written inside a call (`inPlace`), in a `const` only one place reads
 * (`private`, with that read), or in one other code reads too (`shared`).
 */
export type ObjectPlacement =
  | { kind: 'inPlace'; call: Node }
  | { kind: 'private'; use: Node }
  | { kind: 'shared'; name: string }
  | { kind: 'unknown' };

export function objectPlacement(sourceFile: SourceFile, object: ObjectLiteralExpression): ObjectPlacement {
  const outer = outermostWrapper(object);
  const parent = outer.getParent();
  if (Node.isCallExpression(parent) || Node.isNewExpression(parent)) {
    return parent.getArguments().includes(outer) ? { kind: 'inPlace', call: parent } : { kind: 'unknown' };
  }
  const name = privateConstName(object);
  if (!name) return { kind: 'unknown' };
  const references = referencesTo(sourceFile, name);
  return references.length === 1 ? { kind: 'private', use: references[0]! } : { kind: 'shared', name };
}

/** Where a header value may sit while still belonging to one request: its headers, its options, `new Headers(…)`. */
function isRequestValuePart(node: Node): boolean {
  return (
    Node.isPropertyAssignment(node) ||
    Node.isObjectLiteralExpression(node) ||
    Node.isParenthesizedExpression(node) ||
    Node.isAsExpression(node) ||
    Node.isSatisfiesExpression(node) ||
    Node.isNewExpression(node)
  );
}

/**
 * The name of the headers/options variable a request value lives in when other code reads that
 * variable too (replacing the value would change their requests as well); undefined when it is safe.
 */
export function sharedRequestHolderName(value: Node): string | undefined {
  const holder = declarationHolding(value, isRequestValuePart);
  if (!holder) return undefined;
  return usesOfVariable(holder).length === 1 ? undefined : holder.getName();
}
