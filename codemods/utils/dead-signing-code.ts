// Removing what hand-rolled signing leaves dead once a rewrite drops its header: the HMAC and date
// consts and the crypto imports, each only when nothing else in the file still reads it.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { bindingOccurrences, isBindingName, uniqueDeclaration } from './bindings';
import { statementRemoval } from './code-layout';
import { importRemoval } from './import-removal';
import type { Removal, RemovedRange } from './import-removal';
import { isExportedStatement } from './module-exports';
import { isCreateHmacCall } from './sigv3-authorization';

const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);

/** Calls that compute a value and nothing else: a declaration made only of them can go once unused. */
const SIDE_EFFECT_FREE_CALLS = new Set([
  'createHmac', 'createHash', 'update', 'digest', 'toUTCString', 'toGMTString', 'toISOString', 'getTime', 'now',
  'toString', 'replace', 'slice', 'substring', 'encodeURIComponent', 'String', 'from', 'join',
]);

/** An initializer that only computes a value, so removing its declaration changes nothing else. */
function isSideEffectFree(sourceFile: SourceFile, node: Node): boolean {
  for (const descendant of [node, ...node.getDescendants()]) {
    if (Node.isCallExpression(descendant) && !isCreateHmacCall(sourceFile, descendant)) {
      const callee = descendant.getExpression();
      const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
      if (!SIDE_EFFECT_FREE_CALLS.has(name)) return false;
    }
    if (Node.isNewExpression(descendant) && descendant.getExpression().getText() !== 'Date') return false;
    if (Node.isAwaitExpression(descendant) || Node.isYieldExpression(descendant) || Node.isTaggedTemplateExpression(descendant)) return false;
    if (Node.isBinaryExpression(descendant) && /^(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=$/.test(descendant.getOperatorToken().getText())) return false;
    if (Node.isPrefixUnaryExpression(descendant) || Node.isPostfixUnaryExpression(descendant)) {
      if ([SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(descendant.getOperatorToken())) return false;
    }
  }
  return true;
}

function isInside(node: Node, ranges: readonly RemovedRange[]): boolean {
  return ranges.some(([start, end]) => start <= node.getStart() && node.getEnd() <= end);
}

/** The names read inside the removed ranges: the declarations that may have died with them. */
function namesReadIn(sourceFile: SourceFile, ranges: readonly RemovedRange[]): Set<string> {
  return new Set(ranges.flatMap(([start, end]) =>
    sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getStart() >= start && identifier.getEnd() <= end && isBindingName(identifier)).map((identifier) => identifier.getText())));
}

/**
 * Removes a dead declaration: a crypto import or require binding, or a simple non-exported const
 * that only computes a value (never the statement `keep`, which the rewrite still edits).
 */
function deadDeclarationRemoval(sourceFile: SourceFile, declaration: Node, isDead: (name: string) => boolean, keep: Node): Removal | undefined {
  if (Node.isImportSpecifier(declaration) || Node.isImportClause(declaration) || Node.isNamespaceImport(declaration) || Node.isBindingElement(declaration)) {
    return importRemoval(sourceFile, declaration, CRYPTO_MODULES, isDead);
  }
  if (!Node.isVariableDeclaration(declaration)) return undefined;
  const imported = importRemoval(sourceFile, declaration, CRYPTO_MODULES, isDead);
  if (imported) return imported;
  const statement = declaration.getVariableStatement();
  const initializer = declaration.getInitializer();
  const isSimple = statement && statement.getDeclarations().length === 1 && Node.isIdentifier(declaration.getNameNode()) && !isExportedStatement(statement);
  if (!isSimple || !initializer || !isSideEffectFree(sourceFile, initializer) || keep.getAncestors().includes(statement) || statement === keep) return undefined;
  return { edit: statementRemoval(sourceFile, statement), range: [statement.getStart(), statement.getEnd()] };
}

/**
 * The hand-rolled signing pieces that die with the `dropped` ranges: declarations (and crypto
 * imports) whose every use lies in what the rewrite drops, repeated until nothing more dies.
 * `live` are names the rewrite still writes.
 */
export function removeDeadSigningCode(sourceFile: SourceFile, dropped: RemovedRange[], live: Set<string>, keep: Node): TextEdit[] {
  const edits: TextEdit[] = [];
  const ranges = [...dropped];
  const removed = new Set<string>();
  // Reads `ranges` as it grows: a use inside something removed earlier no longer keeps a name alive.
  const isDead = (name: string): boolean => {
    if (live.has(name)) return false;
    const declaration = uniqueDeclaration(sourceFile, name);
    if (!declaration) return false;
    return bindingOccurrences(sourceFile, name).every((identifier) => identifier === declaration.name || isInside(identifier, ranges));
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of namesReadIn(sourceFile, ranges)) {
      if (removed.has(name) || !isDead(name)) continue;
      const removal = deadDeclarationRemoval(sourceFile, uniqueDeclaration(sourceFile, name)!.node, isDead, keep);
      if (!removal) continue;
      removed.add(name);
      if (!edits.some((edit) => edit.start === removal.edit.start && edit.end === removal.edit.end)) edits.push(removal.edit);
      ranges.push(removal.range);
      changed = true;
    }
  }
  // An import first trimmed by one binding and later removed whole keeps only the whole removal.
  return edits.filter((edit) => !edits.some((other) => other !== edit && other.start <= edit.start && edit.end <= other.end));
}
