// Whether an object a rewrite edits belongs to the one call being fixed: written in the call, or
// held in a variable nothing else reads, so that editing it changes no other code.
import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { Identifier, ObjectLiteralExpression, SourceFile, VariableDeclaration } from 'ts-morph';
import { declarationAt, referencesTo, usesOfVariable } from './bindings';
import { isTransparentWrapper, outermostWrapper } from './expressions';
import { isExportedStatement } from './module-exports';

/** The variable whose initializer holds `node`, looking up through the parents `isPartOfValue` accepts. */
function declarationHolding(node: Node, isPartOfValue: (parent: Node) => boolean): VariableDeclaration | undefined {
  let current = node;
  while (isPartOfValue(current.getParentOrThrow())) current = current.getParentOrThrow();
  const holder = current.getParentOrThrow();
  return Node.isVariableDeclaration(holder) ? holder : undefined;
}

/** The declaration when `literal` initializes `const name = {…}` that no `export` hands to other modules. */
function privateConstDeclaration(literal: Node): VariableDeclaration | undefined {
  const declaration = declarationHolding(literal, isTransparentWrapper);
  if (!declaration || !Node.isIdentifier(declaration.getNameNode())) return undefined;
  const statement = declaration.getVariableStatement();
  if (!statement || isExportedStatement(statement) || statement.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
  return declaration;
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

/**
 * True when `reference` is `name.other` (another property than `editedProperty`), written
 * (`name.other = …`) or read without a call: such a use never sees the edited property.
 */
function isOtherPropertyUse(reference: Node, editedProperty: string): boolean {
  const access = reference.getParent();
  if (!Node.isPropertyAccessExpression(access) || access.getExpression() !== reference || access.getName() === editedProperty) return false;
  const user = access.getParent();
  return !(Node.isCallExpression(user) && user.getExpression() === access);
}

/** True unless `reference` provably means another declaration of the same name (a parameter, an inner `const`). */
function mayReferTo(reference: Identifier, declaration: VariableDeclaration): boolean {
  const binding = declarationAt(declaration.getSourceFile(), reference);
  return binding === undefined || binding.node === declaration;
}

/** The references to `declaration` that may see `editedProperty` (every reference when no property is named). */
function referencesSeeing(declaration: VariableDeclaration, editedProperty: string | undefined): Node[] {
  const references = referencesTo(declaration.getSourceFile(), declaration.getName()).filter((reference) => mayReferTo(reference, declaration));
  return editedProperty === undefined ? references : references.filter((reference) => !isOtherPropertyUse(reference, editedProperty));
}

/**
 * The values `name.property = value` assigns anywhere in the file, for the const `declaration` holds
 * (`s3Options.endpoint = process.env.S3_ENDPOINT` set after the literal).
 */
export function memberWritesOf(declaration: VariableDeclaration, property: string): Node[] {
  return referencesSeeing(declaration, undefined).flatMap((reference) => {
    const access = reference.getParent();
    const assignment = access?.getParent();
    const writes =
      Node.isPropertyAccessExpression(access) && access.getName() === property &&
      Node.isBinaryExpression(assignment) && assignment.getLeft() === access && assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
    return writes ? [assignment.getRight()] : [];
  });
}

/** The `const` declaration holding the object literal at `offset`, when no export hands it on. */
export function privateConstAt(sourceFile: SourceFile, offset: number): VariableDeclaration | undefined {
  const literal = objectLiteralAt(sourceFile, offset);
  return literal && privateConstDeclaration(literal);
}

export type LiteralSharing = { kind: 'private' } | { kind: 'shared'; name: string } | { kind: 'unknown' };

/**
 * Whether the object literal holding `offset` is a `const` that only `user` reads (`private`), so
 * adding `editedProperty` to it changes nothing else (code that only sets or reads its other
 * properties does not count); `shared` names the const other code reads too.
 */
export function literalSharingAt(sourceFile: SourceFile, offset: number, user: Node, editedProperty?: string): LiteralSharing {
  const literal = objectLiteralAt(sourceFile, offset);
  const declaration = literal && privateConstDeclaration(literal);
  if (!declaration) return { kind: 'unknown' };
  const references = referencesSeeing(declaration, editedProperty);
  const onlyHere = references.length === 1 && isWithin(references[0]!, user);
  return onlyHere ? { kind: 'private' } : { kind: 'shared', name: declaration.getName() };
}

/**
 * Where an object lives: written inside a call (`inPlace`), in a `const` only one place reads
 * (`private`, with that read), or in one other code reads too (`shared`). Uses of its other
 * properties than `editedProperty` (`params.Bucket`) do not count as reads.
 */
export type ObjectPlacement =
  | { kind: 'inPlace'; call: Node }
  | { kind: 'private'; use: Node }
  | { kind: 'shared'; name: string }
  | { kind: 'unknown' };

export function objectPlacement(object: ObjectLiteralExpression, editedProperty?: string): ObjectPlacement {
  const outer = outermostWrapper(object);
  const parent = outer.getParent();
  if (Node.isCallExpression(parent) || Node.isNewExpression(parent)) {
    return parent.getArguments().includes(outer) ? { kind: 'inPlace', call: parent } : { kind: 'unknown' };
  }
  const declaration = privateConstDeclaration(object);
  if (!declaration) return { kind: 'unknown' };
  const references = referencesSeeing(declaration, editedProperty);
  return references.length === 1 ? { kind: 'private', use: references[0]! } : { kind: 'shared', name: declaration.getName() };
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
