// Removing what hand-rolled signing leaves dead once a rewrite drops its header: the HMAC and date
// consts and the crypto imports, each only when nothing else in the file still reads it.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { bindingOccurrences, declarationAt, isBindingName, uniqueDeclaration } from './bindings';
import { statementRemoval } from './code-layout';
import { importRemoval } from './import-removal';
import type { Removal, RemovedRange } from './import-removal';
import { isExportedStatement } from './module-exports';
import { isCreateHmacCall } from './sigv3-authorization';
import { calledThisMethod, soleReturnExpression, thisMemberReads } from './class-methods';

// node:util goes too when only the signing read it (`format(AUTH_TEMPLATE, key, signature)`).
const CRYPTO_MODULES = new Set(['crypto', 'node:crypto', 'util', 'node:util']);

/** Calls that compute a value and nothing else: a declaration made only of them can go once unused. */
const SIDE_EFFECT_FREE_CALLS = new Set([
  'createHmac', 'createHash', 'update', 'digest', 'toUTCString', 'toGMTString', 'toISOString', 'getTime', 'now',
  'toString', 'replace', 'slice', 'substring', 'encodeURIComponent', 'String', 'from', 'join',
]);

/** Constructors that only build a value (`new URL(endpoint).host`, the SigV2 string-to-sign's host). */
const VALUE_CONSTRUCTORS = new Set(['Date', 'URL']);

/**
 * `this.sign(date)` calling a method that only computes a value: a single `return`, or local
 * declarations then a `return`, all side-effect free (`var name = …; return createHmac(…)…`).
 */
function isSideEffectFreeThisCall(sourceFile: SourceFile, call: Node): boolean {
  const method = calledThisMethod(call);
  const returned = method && soleReturnExpression(method);
  if (returned) return !returned.getDescendants().some((node) => calledThisMethod(node) !== undefined) && isSideEffectFree(sourceFile, returned);
  const statements = method?.getBody()?.getChildrenOfKind(SyntaxKind.SyntaxList)[0]?.getChildren() ?? [];
  const last = statements[statements.length - 1];
  if (!Node.isReturnStatement(last) || !last.getExpression()) return false;
  return statements.every((statement) => (Node.isVariableStatement(statement) || statement === last) && !statement.getDescendants().some((node) => calledThisMethod(node) !== undefined) && isSideEffectFree(sourceFile, statement));
}

/** `Object.freeze({ … })`: freezing an object nothing else holds changes nothing outside it (`const SIGNING = Object.freeze({ version: '2' })`). */
function isFrozenLiteral(call: Node): boolean {
  return Node.isCallExpression(call) && call.getExpression().getText() === 'Object.freeze' && Node.isObjectLiteralExpression(call.getArguments()[0]);
}

/** An initializer that only computes a value, so removing its declaration changes nothing else. */
function isSideEffectFree(sourceFile: SourceFile, node: Node): boolean {
  // Defining a function runs none of its body (`const encode = (value) => …`).
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return true;
  for (const descendant of [node, ...node.getDescendants()]) {
    if (Node.isCallExpression(descendant) && !isCreateHmacCall(sourceFile, descendant) && !isSideEffectFreeThisCall(sourceFile, descendant) && !isFrozenLiteral(descendant)) {
      const callee = descendant.getExpression();
      const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
      if (!SIDE_EFFECT_FREE_CALLS.has(name)) return false;
    }
    if (Node.isNewExpression(descendant) && !VALUE_CONSTRUCTORS.has(descendant.getExpression().getText())) return false;
    if (Node.isAwaitExpression(descendant) || Node.isYieldExpression(descendant) || Node.isTaggedTemplateExpression(descendant)) return false;
    if (Node.isBinaryExpression(descendant) && /^(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=$/.test(descendant.getOperatorToken().getText())) return false;
    if (Node.isPrefixUnaryExpression(descendant) || Node.isPostfixUnaryExpression(descendant)) {
      if ([SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(descendant.getOperatorToken())) return false;
    }
  }
  return true;
}

/** True for the identifier that names the declaration itself. */
function isBindingNameOf(declaration: Node, identifier: Node): boolean {
  return (Node.isVariableDeclaration(declaration) || Node.isBindingElement(declaration) || Node.isParameterDeclaration(declaration)) ? declaration.getNameNode() === identifier : identifier.getParent() === declaration;
}

function isInside(node: Node, ranges: readonly RemovedRange[]): boolean {
  return ranges.some(([start, end]) => start <= node.getStart() && node.getEnd() <= end);
}

/** The names read inside the removed ranges, each with the declaration it means there. */
function declarationsReadIn(sourceFile: SourceFile, ranges: readonly RemovedRange[]): Map<Node, string> {
  const read = new Map<Node, string>();
  for (const identifier of sourceFile.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (!isBindingName(identifier) || !ranges.some(([start, end]) => identifier.getStart() >= start && identifier.getEnd() <= end)) continue;
    const declaration = declarationAt(sourceFile, identifier);
    if (declaration) read.set(declaration.node, identifier.getText());
  }
  return read;
}

/**
 * Removes a dead declaration: a crypto import or require binding, or a simple non-exported const
 * that only computes a value (never the statement `keep`, which the rewrite still edits).
 */
function deadDeclarationRemoval(sourceFile: SourceFile, declaration: Node, isDead: (name: string) => boolean, keep: Node): Removal | undefined {
  if (Node.isImportSpecifier(declaration) || Node.isImportClause(declaration) || Node.isNamespaceImport(declaration) || Node.isBindingElement(declaration)) {
    return importRemoval(sourceFile, declaration, CRYPTO_MODULES, isDead);
  }
  // A function declaration nothing calls any more does nothing: it goes (unless exported).
  if (Node.isFunctionDeclaration(declaration)) {
    return declaration.isExported() || declaration.isDefaultExport() ? undefined : memberRemoval(sourceFile, declaration);
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
 * Removes a class member (or a function declaration) and the blank line above it, so one blank
 * line stays between what remains.
 */
function memberRemoval(sourceFile: SourceFile, member: Node): Removal {
  const edit = statementRemoval(sourceFile, member);
  const text = sourceFile.getFullText();
  const blankAbove = /\r?\n[ \t]*$/.exec(text.slice(0, edit.start));
  const start = blankAbove ? blankAbove.index : edit.start;
  // The first member of a class takes the blank line below it instead.
  const blankBelow = !blankAbove && /\{[ \t]*$/.test(text.slice(0, edit.start)) ? /^\r?\n(?=[ \t]*\r?\n)/.exec(text.slice(edit.end)) : null;
  return { edit: { ...edit, start, end: edit.end + (blankBelow ? blankBelow[0].length : 0) }, range: [member.getStart(), member.getEnd()] };
}

/**
 * Private methods and fields (TypeScript `private` or `#name`) read only from removed code: nothing
 * outside the class can read them, so they die with it.
 */
function deadPrivateMethods(sourceFile: SourceFile, isRemoved: (node: Node) => boolean): Node[] {
  // A private field that only holds a computed value (`private readonly date = new Date().toUTCString()`) too.
  const fields = sourceFile.getDescendantsOfKind(SyntaxKind.PropertyDeclaration).filter((field) => {
    const initializer = field.getInitializer();
    return initializer !== undefined && isSideEffectFree(sourceFile, initializer);
  });
  return [...sourceFile.getDescendantsOfKind(SyntaxKind.MethodDeclaration), ...fields].filter((method) => {
    const owner = method.getParent();
    const isPrivate = method.hasModifier(SyntaxKind.PrivateKeyword) || method.getName().startsWith('#');
    if (!isPrivate || isRemoved(method) || !(Node.isClassDeclaration(owner) || Node.isClassExpression(owner))) return false;
    const reads = thisMemberReads(owner, method.getName());
    return reads.length > 0 && reads.every(isRemoved);
  });
}

/**
 * The hand-rolled signing pieces that die with the `dropped` ranges: declarations (and crypto
 * imports) whose every use lies in what the rewrite drops, repeated until nothing more dies.
 * `live` are names the rewrite still writes.
 */
export function removeDeadSigningCode(sourceFile: SourceFile, dropped: RemovedRange[], live: Set<string>, keep: Node): TextEdit[] {
  const edits: TextEdit[] = [];
  const ranges = [...dropped];
  const removed = new Set<Node>();
  // Reads `ranges` as it grows: a use inside something removed earlier no longer keeps a name alive.
  // A declaration is dead when every occurrence of its name that means it lies in removed code.
  const isDeadDeclaration = (declaration: Node, name: string): boolean => {
    if (live.has(name)) return false;
    return bindingOccurrences(sourceFile, name).every((identifier) =>
      declarationAt(sourceFile, identifier)?.node !== declaration || isBindingNameOf(declaration, identifier) || isInside(identifier, ranges));
  };
  const isDead = (name: string): boolean => {
    const declaration = uniqueDeclaration(sourceFile, name);
    return declaration !== undefined && isDeadDeclaration(declaration.node, name);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const [declaration, name] of declarationsReadIn(sourceFile, ranges)) {
      if (removed.has(declaration) || !isDeadDeclaration(declaration, name)) continue;
      const removal = deadDeclarationRemoval(sourceFile, declaration, isDead, keep);
      if (!removal) continue;
      removed.add(declaration);
      if (!edits.some((edit) => edit.start === removal.edit.start && edit.end === removal.edit.end)) edits.push(removal.edit);
      ranges.push(removal.range);
      changed = true;
    }
    for (const method of deadPrivateMethods(sourceFile, (node) => isInside(node, ranges))) {
      const removal = memberRemoval(sourceFile, method);
      edits.push(removal.edit);
      ranges.push(removal.range);
      changed = true;
    }
  }
  // An import first trimmed by one binding and later removed whole keeps only the whole removal.
  return edits.filter((edit) => !edits.some((other) => other !== edit && other.start <= edit.start && edit.end <= other.end));
}
