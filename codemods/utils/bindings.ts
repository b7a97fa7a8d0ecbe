// Which declaration a name in a file refers to, found by name and block scope: the codemods run
// without a type checker, so a name declared twice in ambiguous ways counts as unknown.
import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { Expression, Identifier, SourceFile, VariableDeclaration } from 'ts-morph';
import { innermostExpression } from './expressions';

/** True when the identifier names a binding (a read or a declaration), not a property name, key or member name. */
export function isBindingName(identifier: Identifier): boolean {
  const parent = identifier.getParent();
  if (!parent) return false;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) return false;
  if ((Node.isPropertyAssignment(parent) || Node.isPropertySignature(parent) || Node.isMethodDeclaration(parent) || Node.isPropertyDeclaration(parent)) && parent.getNameNode() === identifier) return false;
  if (Node.isBindingElement(parent) && parent.getPropertyNameNode() === identifier) return false;
  if (Node.isImportSpecifier(parent) && parent.getAliasNode() && parent.getNameNode() === identifier) return false;
  return true;
}

/** Every identifier in the file that names `name` as a binding (declarations included). */
export function bindingOccurrences(sourceFile: SourceFile, name: string): Identifier[] {
  return sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getText() === name && isBindingName(identifier));
}

/** The occurrences of `name` that are not the name a variable or function declaration introduces. */
export function referencesTo(sourceFile: SourceFile, name: string): Identifier[] {
  return bindingOccurrences(sourceFile, name).filter((identifier) => {
    const parent = identifier.getParentOrThrow();
    return !((Node.isVariableDeclaration(parent) || Node.isFunctionDeclaration(parent)) && parent.getNameNode() === identifier);
  });
}

/** Where a variable is used: the occurrences of its name other than its own declaration. */
export function usesOfVariable(declaration: VariableDeclaration): Identifier[] {
  return bindingOccurrences(declaration.getSourceFile(), declaration.getName()).filter((identifier) => identifier !== declaration.getNameNode());
}

/**
 * The name of the first credential part (access key, secret) not visible at `site`, where the
 * rewrite signs the request; undefined when all are.
 */
export function invisibleCredential(sourceFile: SourceFile, parts: readonly Node[], site: Node): string | undefined {
  const hidden = parts.flatMap(readIdentifiers).find((identifier) => !isVisibleAt(sourceFile, identifier.getText(), site, { origin: identifier, allowGlobal: true }));
  return hidden?.getText();
}

/** The names the expressions read, in order (absent ones skipped): what a rewrite must keep declared. */
export function namesRead(nodes: readonly (Node | undefined)[]): string[] {
  return nodes.flatMap((node) => (node ? readIdentifiers(node).map((identifier) => identifier.getText()) : []));
}

/** The names an expression reads (not its property names). */
export function readIdentifiers(node: Node): Identifier[] {
  const identifiers = Node.isIdentifier(node) ? [node] : node.getDescendantsOfKind(SyntaxKind.Identifier);
  return identifiers.filter(isBindingName);
}

type Declaration = { name: Identifier; node: Node };

/** Every declaration of `name` in the file (variable, parameter, binding element, function, import). */
function declarationsOf(sourceFile: SourceFile, name: string): Declaration[] {
  return bindingOccurrences(sourceFile, name).flatMap((identifier): Declaration[] => {
    const parent = identifier.getParentOrThrow();
    const declares =
      ((Node.isVariableDeclaration(parent) || Node.isParameterDeclaration(parent) || Node.isBindingElement(parent) || Node.isFunctionDeclaration(parent)) && parent.getNameNode() === identifier) ||
      Node.isImportSpecifier(parent) || Node.isImportClause(parent) || Node.isNamespaceImport(parent) || Node.isImportEqualsDeclaration(parent);
    return declares ? [{ name: identifier, node: parent }] : [];
  });
}

/** The only declaration of `name` in the file, if there is exactly one. */
export function uniqueDeclaration(sourceFile: SourceFile, name: string): Declaration | undefined {
  const declarations = declarationsOf(sourceFile, name);
  return declarations.length === 1 ? declarations[0] : undefined;
}

/** The initializer of the file's only `const name = …`, if there is one. */
export function constInitializer(sourceFile: SourceFile, name: string): Expression | undefined {
  const declaration = uniqueDeclaration(sourceFile, name)?.node;
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  if (declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
  return declaration.getInitializer();
}

/**
 * What the file's only variable named `name` (of any kind) was built as, through type-only wrappers.
 * For reading what a name stands for (a client, its options): unlike constInitializer it accepts
 * `let` and `var`, and ignores parameters and imports of the same name.
 */
export function soleVariableInitializer(sourceFile: SourceFile, name: string): Node | undefined {
  const declarations = sourceFile
    .getDescendantsOfKind(SyntaxKind.VariableDeclaration)
    .filter((declaration) => Node.isIdentifier(declaration.getNameNode()) && declaration.getName() === name);
  if (declarations.length !== 1) return undefined;
  const initializer = declarations[0]!.getInitializer();
  return initializer && innermostExpression(initializer);
}

/** The first candidate no binding in the file uses (property names do not count: they never clash). */
export function freeName(sourceFile: SourceFile, candidates: string[]): string {
  const taken = new Set(sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).filter(isBindingName).map((identifier) => identifier.getText()));
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (free) return free;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${candidates[0]}${suffix}`)) return `${candidates[0]}${suffix}`;
}

/** The block (or file) whose code sees a declaration. */
function scopeOfDeclaration(declaration: Node): Node | undefined {
  if (Node.isParameterDeclaration(declaration)) return declaration.getParent();
  return declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor) || Node.isModuleBlock(ancestor) || Node.isCaseClause(ancestor));
}

/** The declaration `name` refers to at `site` (innermost scope first); 'global' when the file declares none in scope. */
function bindingAt(sourceFile: SourceFile, name: string, site: Node): Declaration | 'global' | undefined {
  const declarations = declarationsOf(sourceFile, name);
  for (const ancestor of site.getAncestors()) {
    const here = declarations.filter((declaration) => scopeOfDeclaration(declaration.node) === ancestor);
    if (here.length > 0) return here.length === 1 ? here[0] : undefined;
  }
  return 'global';
}

/** The declaration an identifier refers to where it is written, when the file declares it in scope. */
export function declarationAt(sourceFile: SourceFile, identifier: Identifier): Declaration | undefined {
  const binding = bindingAt(sourceFile, identifier.getText(), identifier);
  return binding === 'global' ? undefined : binding;
}

/**
 * True when `name` written at `site` means what it means at `origin` (where the code being
 * rewritten used it): the same declaration, made before `site` so a statement inserted there never
 * reads it in its temporal dead zone; or (with `allowGlobal`) the same global.
 */
export function isVisibleAt(sourceFile: SourceFile, name: string, site: Node, options: { origin?: Node; allowGlobal?: boolean } = {}): boolean {
  const binding = bindingAt(sourceFile, name, site);
  if (binding === undefined) return false;
  if (options.origin) {
    const atOrigin = bindingAt(sourceFile, name, options.origin);
    const same = atOrigin === binding || (atOrigin !== undefined && atOrigin !== 'global' && binding !== 'global' && atOrigin.node === binding.node);
    if (!same) return false;
  }
  if (binding === 'global') return options.allowGlobal === true;
  return binding.name.getEnd() <= site.getStart();
}
