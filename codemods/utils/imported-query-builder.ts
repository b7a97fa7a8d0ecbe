// A canonical query built by a function of another module (issue 9 §2): the function a module
// exports under a name, and whether others rely on its order. The engine's query-across-files
// stage lints probes made from these; this file only reads trees.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { followExport } from './module-exports';
import type { ResolveImport } from './module-exports';

/** A module's top-level function: declared, held by a `const`, or assigned to `exports.name`. */
export interface ModuleFunction {
  sourceFile: SourceFile;
  name: string;
  /** How the module itself calls it: its name, or `exports.name` for a function assigned there. */
  callText: string;
  /** Where the function is declared (what a report names). */
  start: number;
  /** The statement that declares it, with its leading comments: what says whether callers rely on its order. */
  node: Node;
}

function isFunction(node: Node | undefined): boolean {
  return Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node);
}

/** A function expression assigned to `exports.name` / `module.exports.name` where it is exported. */
function assignedFunction(sourceFile: SourceFile, node: Node, exportName: string): ModuleFunction | undefined {
  const assignment = node.getParent();
  if (!isFunction(node) || !Node.isBinaryExpression(assignment) || !Node.isExpressionStatement(assignment.getParent())) return undefined;
  const callText = assignment.getLeft().getText();
  if (!/^(?:module\.)?exports\.[\w$]+$/.test(callText)) return undefined;
  return { sourceFile, name: exportName, callText, start: assignment.getStart(), node: assignment.getParentOrThrow() };
}

/** The top-level function a module exports as `exportName`, followed through re-exports. */
export function exportedFunction(sourceFile: SourceFile, exportName: string, resolveImport: ResolveImport): ModuleFunction | undefined {
  const exported = followExport(sourceFile, exportName, resolveImport);
  if (!exported) return undefined;
  const { node } = exported;
  const assigned = assignedFunction(exported.sourceFile, node, exportName);
  if (assigned) return assigned;
  const owner = node.getParent();
  const holder = Node.isFunctionDeclaration(node) ? node : Node.isVariableDeclaration(owner) ? owner : undefined;
  const declaration = holder ?? (Node.isIdentifier(node) ? exported.sourceFile.getFunction(node.getText()) : undefined);
  const name = declaration?.getName();
  if (!declaration || !name) return undefined;
  if (!isFunction(Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : declaration)) return undefined;
  const statement = Node.isVariableDeclaration(declaration) ? declaration.getVariableStatement() ?? declaration : declaration;
  return { sourceFile: exported.sourceFile, name, callText: name, start: declaration.getStart(), node: statement };
}

/** A comment that says the order of the output matters to someone (`Keeps the caller's parameter order`). */
const ORDER_MATTERS = /\border\b/i;

/** Whether a statement exports names (`export …`, `module.exports = …`, `exports.x = …`). */
function isExportStatement(node: Node): boolean {
  if (Node.isExportDeclaration(node) || Node.isExportAssignment(node)) return true;
  return Node.isExpressionStatement(node) && /^(?:module\.)?exports\b/.test(node.getExpression().getText());
}

/**
 * Whether changing the function's output could break someone other than the signer: it is used in
 * its module beyond its declaration and export (`appendQuery` calls it), or a comment says its order
 * is kept on purpose. Callers in modules outside the run cannot be seen, so this is the lower bound.
 */
export function hasOtherUsers(fn: ModuleFunction): boolean {
  const comments = fn.node.getLeadingCommentRanges().map((range) => range.getText());
  if (comments.some((comment) => ORDER_MATTERS.test(comment))) return true;
  return fn.sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => {
    if (identifier.getText() !== fn.name || (fn.node.getStart() <= identifier.getStart() && identifier.getEnd() <= fn.node.getEnd())) return false;
    const statement = identifier.getAncestors().find((ancestor) => Node.isSourceFile(ancestor.getParent()));
    return !statement || !isExportStatement(statement);
  });
}
