// A rewrite that replaces an expression can leave the `const` it read unused (issue 9 §3: e.g.
// `Expires: THIRTY_DAYS` lowered to 604800 leaves `const THIRTY_DAYS` for no-unused-vars to flag).
// Such a declaration goes too, when the replaced expression was its only reader.
import { Node, VariableDeclarationKind } from 'ts-morph';
import type { VariableStatement } from 'ts-morph';
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

type OnlyReader = { statement: VariableStatement; removable: boolean };

/** The top-level `const`s only `replaced` reads, each with whether removing it is safe (its initializer runs no code). */
function constsOnlyReadIn(replaced: Node): OnlyReader[] {
  const sourceFile = replaced.getSourceFile();
  const [start, end] = [replaced.getStart(), replaced.getEnd()];
  const found: OnlyReader[] = [];
  for (const name of new Set(readIdentifiers(replaced).map((identifier) => identifier.getText()))) {
    const declaration = uniqueDeclaration(sourceFile, name)?.node;
    if (!declaration || !Node.isVariableDeclaration(declaration) || !Node.isIdentifier(declaration.getNameNode())) continue;
    const statement = declaration.getVariableStatement();
    if (!statement || statement.getDeclarationKind() !== VariableDeclarationKind.Const || isExportedStatement(statement) || !Node.isSourceFile(statement.getParent())) continue;
    const usedElsewhere = usesOfVariable(declaration).some((use) => use.getStart() < start || use.getEnd() > end);
    const removable = statement.getDeclarations().length === 1 && isInert(declaration.getInitializer());
    if (!usedElsewhere) found.push({ statement, removable });
  }
  return found;
}

/** Removals of the single-declarator `const`s that only `replaced` read. */
export function removalsOfBindingsOnlyReadIn(replaced: Node): TextEdit[] {
  const sourceFile = replaced.getSourceFile();
  return constsOnlyReadIn(replaced)
    .filter((reader) => reader.removable)
    .map((reader) => withoutDoubledBlankLine(sourceFile.getFullText(), statementRemoval(sourceFile, reader.statement)));
}

/**
 * True when replacing `replaced` would leave a `const` unused that cannot be removed (its
 * initializer calls code, `parseInt(process.env.X) || 2592000`): such a value is better capped
 * in place, keeping its reader (and what it means when the environment sets it).
 */
export function leavesUnremovableConstUnused(replaced: Node): boolean {
  return constsOnlyReadIn(replaced).some((reader) => !reader.removable);
}
