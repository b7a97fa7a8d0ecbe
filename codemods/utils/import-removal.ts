// Removing a dead import or require binding of given modules: the binding alone, or the whole
// statement once none of its bindings is used any more.
import { Node, SyntaxKind } from 'ts-morph';
import type { Identifier, SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { listElementRemoval, statementRemoval } from './code-layout';
import { isStringLike } from './expressions';

/** [start, end) offsets of what an edit removes, so later checks can tell what is gone. */
export type RemovedRange = [number, number];

export interface Removal {
  edit: TextEdit;
  range: RemovedRange;
}

function removalOf(edit: TextEdit, node: Node): Removal {
  return { edit, range: [node.getStart(), node.getEnd()] };
}

/**
 * Removes the import binding `declaration` of one of `modules` (the whole statement when all its
 * bindings are dead), or undefined when it is not such an import.
 */
export function importRemoval(sourceFile: SourceFile, declaration: Node, modules: ReadonlySet<string>, isDead: (name: string) => boolean): Removal | undefined {
  const importDeclaration = declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (importDeclaration) {
    if (!modules.has(importDeclaration.getModuleSpecifierValue())) return undefined;
    const bindings = [importDeclaration.getDefaultImport(), importDeclaration.getNamespaceImport(), ...importDeclaration.getNamedImports().map((named) => named.getAliasNode() ?? named.getNameNode())]
      .filter((binding): binding is Identifier => binding !== undefined);
    if (bindings.every((binding) => isDead(binding.getText()))) return removalOf(statementRemoval(sourceFile, importDeclaration), importDeclaration);
    if (!Node.isImportSpecifier(declaration)) return undefined;
    return removalOf(listElementRemoval(sourceFile, declaration), declaration);
  }
  const statement = declaration.getFirstAncestorByKind(SyntaxKind.VariableStatement);
  const initializer = statement?.getDeclarations()[0]?.getInitializer();
  if (!statement || statement.getDeclarations().length !== 1 || !initializer || !Node.isCallExpression(initializer)) return undefined;
  const argument = initializer.getArguments()[0];
  if (initializer.getExpression().getText() !== 'require' || !isStringLike(argument)) return undefined;
  if (!modules.has(argument.getLiteralValue())) return undefined;
  const nameNode = statement.getDeclarations()[0]!.getNameNode();
  const names = Node.isIdentifier(nameNode) ? [nameNode.getText()] : nameNode.getDescendantsOfKind(SyntaxKind.BindingElement).map((element) => element.getName());
  if (names.every(isDead)) return removalOf(statementRemoval(sourceFile, statement), statement);
  if (!Node.isBindingElement(declaration)) return undefined;
  return removalOf(listElementRemoval(sourceFile, declaration), declaration);
}
