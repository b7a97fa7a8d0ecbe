// Following a name across modules on the ts-morph tree: which module and export a local name is
// imported or required from, and the expression a module exports under a name. (Its ESTree
// counterpart, estree-exported-functions.ts, serves the rules' matchers, which read ESTree nodes.)
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile, VariableStatement } from 'ts-morph';
import { requireCallSpecifier } from './module-style';

export interface ImportedBinding {
  specifier: string;
  /** `default` for a default import, `import x = require()` or a whole `require()`; `*` for `import * as x`. */
  exportName: string;
}

/** Where a top-level `import`, `import x = require()` or `require()` binding of `name` comes from. */
export function importedBinding(sourceFile: SourceFile, name: string): ImportedBinding | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement)) {
      const specifier = statement.getModuleSpecifierValue();
      if (statement.getDefaultImport()?.getText() === name) return { specifier, exportName: 'default' };
      const named = statement.getNamedImports().find((entry) => (entry.getAliasNode() ?? entry.getNameNode()).getText() === name);
      if (named) return { specifier, exportName: named.getName() };
      if (statement.getNamespaceImport()?.getText() === name) return { specifier, exportName: '*' };
    }
    if (Node.isImportEqualsDeclaration(statement) && statement.getName() === name) {
      const reference = statement.getModuleReference();
      if (Node.isExternalModuleReference(reference)) {
        const expression = reference.getExpression();
        if (expression && Node.isStringLiteral(expression)) return { specifier: expression.getLiteralValue(), exportName: 'default' };
      }
    }
    if (Node.isVariableStatement(statement)) {
      for (const declaration of statement.getDeclarations()) {
        const specifier = requireCallSpecifier(declaration.getInitializer());
        if (specifier === undefined) continue;
        const nameNode = declaration.getNameNode();
        if (Node.isIdentifier(nameNode) && nameNode.getText() === name) return { specifier, exportName: 'default' };
        if (Node.isObjectBindingPattern(nameNode)) {
          const element = nameNode.getElements().find((candidate) => candidate.getName() === name);
          if (element) return { specifier, exportName: element.getPropertyNameNode()?.getText() ?? name };
        }
      }
    }
  }
  return undefined;
}

/** `module.exports = v` (default), `module.exports = { name }`, `exports.name = v`, `module.exports.name = v`. */
function commonJsExport(expression: Node, exportName: string): Node | undefined {
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
  const target = expression.getLeft().getText();
  const value = expression.getRight();
  if (target === 'module.exports') {
    if (exportName === 'default') return value;
    if (!Node.isObjectLiteralExpression(value)) return undefined;
    const property = value.getProperty(exportName);
    if (Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
    return Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  }
  return target === `exports.${exportName}` || target === `module.exports.${exportName}` ? value : undefined;
}

/**
 * What a module exports as `exportName`: the value of `export default v` or a CommonJS export, or
 * the local name of `export const name` / `export function name` / `export { name }` (resolve it in that module).
 */
export function exportedExpression(sourceFile: SourceFile, exportName: string): Node | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (exportName === 'default' && Node.isExportAssignment(statement)) return statement.getExpression();
    if (Node.isVariableStatement(statement) && statement.hasExportKeyword() && exportName !== 'default') {
      const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === exportName);
      if (declaration) return declaration.getNameNode();
    }
    if (Node.isFunctionDeclaration(statement) && statement.hasExportKeyword()) {
      const exported = exportName === 'default' ? statement.isDefaultExport() : !statement.isDefaultExport() && statement.getName() === exportName;
      if (exported) return statement.getNameNode() ?? statement;
    }
    if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      const specifier = statement.getNamedExports().find((entry) => (entry.getAliasNode()?.getText() ?? entry.getName()) === exportName);
      if (specifier) return specifier.getNameNode();
    }
    const assigned = Node.isExpressionStatement(statement) ? commonJsExport(statement.getExpression(), exportName) : undefined;
    if (assigned) return assigned;
  }
  return undefined;
}

/** The local names `module.exports = name`, `module.exports = { name }`, `exports.x = name` export. */
function commonJsExportedNames(expression: Node): string[] {
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return [];
  const target = expression.getLeft().getText();
  if (target !== 'module.exports' && !/^(?:module\.)?exports\.[\w$]+$/.test(target)) return [];
  const value = innermostValue(expression.getRight());
  if (Node.isIdentifier(value)) return [value.getText()];
  if (!Node.isObjectLiteralExpression(value)) return [];
  return value.getProperties().flatMap((property) => {
    if (Node.isShorthandPropertyAssignment(property)) return [property.getName()];
    const initializer = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
    return initializer && Node.isIdentifier(initializer) ? [initializer.getText()] : [];
  });
}

function innermostValue(node: Node): Node {
  return Node.isParenthesizedExpression(node) || Node.isAsExpression(node) ? innermostValue(node.getExpression()) : node;
}

/**
 * The top-level local names a module exports by a separate statement (`export { a, b as c }`,
 * `export default a`, `export = a`, CommonJS assignments): read from the syntax alone, where
 * ts-morph's `isExported()` would build a type checker for the whole project.
 */
export function namesExportedSeparately(sourceFile: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.getStatements()) {
    if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      for (const specifier of statement.getNamedExports()) names.add(specifier.getName());
    } else if (Node.isExportAssignment(statement)) {
      const expression = innermostValue(statement.getExpression());
      if (Node.isIdentifier(expression)) names.add(expression.getText());
    } else if (Node.isExpressionStatement(statement)) {
      for (const name of commonJsExportedNames(statement.getExpression())) names.add(name);
    }
  }
  return names;
}

/** True when a variable statement is exported, by its own `export` keyword or by name elsewhere. */
export function isExportedStatement(statement: VariableStatement): boolean {
  if (statement.hasExportKeyword()) return true;
  const exported = namesExportedSeparately(statement.getSourceFile());
  return statement.getDeclarations().some((declaration) => exported.has(declaration.getName()));
}

/** Finds the module a relative specifier names among the run's files (the engine's resolver). */
export type ResolveImport = (from: SourceFile, specifier: string) => SourceFile | undefined;

/** A value a module exports, found in the module that defines it. */
export interface ExportedValue {
  sourceFile: SourceFile;
  node: Node;
}

/** Re-exports that pass `exportName` on: `export { a as b } from`, `export * from`. */
function reExportSources(sourceFile: SourceFile, exportName: string): { specifier: string; exportName: string }[] {
  const sources: { specifier: string; exportName: string }[] = [];
  for (const declaration of sourceFile.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    if (specifier === undefined) continue;
    if (declaration.isNamespaceExport() && !declaration.getNamespaceExport() && exportName !== 'default') sources.push({ specifier, exportName });
    for (const named of declaration.getNamedExports()) {
      if ((named.getAliasNode()?.getText() ?? named.getName()) === exportName) sources.push({ specifier, exportName: named.getName() });
    }
  }
  return sources;
}

const MAX_REEXPORT_DEPTH = 8;

/**
 * What `exportName` of a module is, followed through re-exports (`export … from`, `export *`,
 * `module.exports = require()`) and through exported names that are themselves imports, across the
 * files `resolveImport` reaches. A local name comes back as its sole initializer when it has one.
 */
export function followExport(sourceFile: SourceFile, exportName: string, resolveImport: ResolveImport, depth = 0): ExportedValue | undefined {
  if (depth > MAX_REEXPORT_DEPTH) return undefined;
  const follow = (specifier: string, name: string) => {
    const next = resolveImport(sourceFile, specifier);
    return next && followExport(next, name, resolveImport, depth + 1);
  };
  const wholeModule = requireCallSpecifier(sourceFile.getStatements().map(moduleExportsValue).find((value) => value !== undefined));
  if (wholeModule !== undefined) return follow(wholeModule, exportName);
  const exported = exportedExpression(sourceFile, exportName);
  if (!exported) {
    for (const source of reExportSources(sourceFile, exportName)) {
      const found = follow(source.specifier, source.exportName);
      if (found) return found;
    }
    return undefined;
  }
  const value = innermostValue(exported);
  if (!Node.isIdentifier(value)) return { sourceFile, node: value };
  const imported = importedBinding(sourceFile, value.getText());
  if (imported) return follow(imported.specifier, imported.exportName);
  const declarations = sourceFile.getVariableDeclarations().filter((declaration) => declaration.getName() === value.getText());
  const initializer = declarations.length === 1 ? declarations[0]!.getInitializer() : undefined;
  return { sourceFile, node: initializer ? innermostValue(initializer) : value };
}

/** The value of a top-level `module.exports = v`. */
function moduleExportsValue(statement: Node): Node | undefined {
  if (!Node.isExpressionStatement(statement)) return undefined;
  const expression = statement.getExpression();
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
  return expression.getLeft().getText() === 'module.exports' ? innermostValue(expression.getRight()) : undefined;
}
