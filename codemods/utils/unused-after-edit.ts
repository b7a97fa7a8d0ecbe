// A rewrite that replaces an expression can leave the `const` it read unused (issue 9 §3: e.g.
// `Expires: THIRTY_DAYS` lowered to 604800 leaves `const THIRTY_DAYS` for no-unused-vars to flag).
// Such a declaration goes too, when the replaced expression was its only reader.
import { Node, VariableDeclarationKind } from 'ts-morph';
import type { TextEdit } from '../types';
import { readIdentifiers, uniqueDeclaration, usesOfVariable } from './bindings';
import { statementRemoval } from './code-layout';
import { isExportedStatement } from './module-exports';

/** True when the initializer cannot run code (literals, arithmetic, names): removing it changes nothing else. */
function isInert(node: Node | undefined): boolean {
  if (!node) return false;
  if (Node.isNumericLiteral(node) || Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isIdentifier(node)) return true;
  if (Node.isParenthesizedExpression(node) || Node.isPrefixUnaryExpression(node)) return node.getChildren().every((child) => !Node.isExpression(child) || isInert(child));
  if (Node.isBinaryExpression(node)) return isInert(node.getLeft()) && isInert(node.getRight());
  return false;
}

/** A statement removed from between two blank lines takes one of them along. */
function withoutDoubledBlankLine(text: string, removal: TextEdit): TextEdit {
  const blankBefore = /\r?\n[ \t]*$/.exec(text.slice(0, removal.start));
  const blankAfter = /^\r?\n[ \t]*\r?\n/.test(text.slice(removal.end));
  return blankBefore && blankAfter ? { ...removal, start: blankBefore.index } : removal;
}

/** Removals of the single-declarator `const`s that only `replaced` read. */
export function removalsOfBindingsOnlyReadIn(replaced: Node): TextEdit[] {
  const sourceFile = replaced.getSourceFile();
  const [start, end] = [replaced.getStart(), replaced.getEnd()];
  const edits: TextEdit[] = [];
  for (const name of new Set(readIdentifiers(replaced).map((identifier) => identifier.getText()))) {
    const declaration = uniqueDeclaration(sourceFile, name)?.node;
    if (!declaration || !Node.isVariableDeclaration(declaration) || !Node.isIdentifier(declaration.getNameNode())) continue;
    const statement = declaration.getVariableStatement();
    if (!statement || statement.getDeclarationKind() !== VariableDeclarationKind.Const || statement.getDeclarations().length !== 1) continue;
    if (isExportedStatement(statement) || !Node.isSourceFile(statement.getParent()) || !isInert(declaration.getInitializer())) continue;
    const usedElsewhere = usesOfVariable(declaration).some((use) => use.getStart() < start || use.getEnd() > end);
    if (!usedElsewhere) edits.push(withoutDoubledBlankLine(sourceFile.getFullText(), statementRemoval(sourceFile, statement)));
  }
  return edits;
}
