// Following a name across modules on the ts-morph tree: which module and export a local name is
// imported or required from, and the expression a module exports under a name. (Its ESTree
// counterpart, estree-exported-functions.ts, serves the rules' matchers, which read ESTree nodes.)
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { requireCallSpecifier } from './module-style';

export interface ImportedBinding {
  specifier: string;
  /** `default` for a default import, `import x = require()` or a whole `require()`. */
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
 * the local name of `export const name` / `export { name }` (resolve it in that module).
 */
export function exportedExpression(sourceFile: SourceFile, exportName: string): Node | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (exportName === 'default' && Node.isExportAssignment(statement)) return statement.getExpression();
    if (Node.isVariableStatement(statement) && statement.isExported() && exportName !== 'default') {
      const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === exportName);
      if (declaration) return declaration.getNameNode();
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
