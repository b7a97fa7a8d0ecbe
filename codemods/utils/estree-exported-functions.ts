// Finding, on the ESTree of a module, the function it exports under a name (ESM or CommonJS), so
// the rule's own matchers (which read ESTree nodes, unlike module-exports.ts) can read what it returns.
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../../rules/utils/query-building-shapes';

/** Top-level functions by name: `function f`, `const f = () => …`, exported or not. */
function collectTopLevelFunctions(program: TSESTree.Program): Map<string, TSESTree.FunctionLike> {
  const functions = new Map<string, TSESTree.FunctionLike>();
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) functions.set(declaration.id.name, declaration);
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && isFunctionNode(declarator.init)) functions.set(declarator.id.name, declarator.init);
    }
  }
  return functions;
}

function isModuleExports(target: TSESTree.Node): boolean {
  return (
    target.type === AST_NODE_TYPES.MemberExpression &&
    target.object.type === AST_NODE_TYPES.Identifier &&
    target.object.name === 'module' &&
    target.property.type === AST_NODE_TYPES.Identifier &&
    target.property.name === 'exports'
  );
}

/** `exports.name` / `module.exports.name` as an assignment target. */
function commonJsExportName(target: TSESTree.Node): string | undefined {
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const holder = target.object;
  const isExports = (holder.type === AST_NODE_TYPES.Identifier && holder.name === 'exports') || isModuleExports(holder);
  return isExports ? target.property.name : undefined;
}

/** The value (a function, or the name of one) a module exports as `exportName` (`'*'`: the default). */
function findExportedValue(program: TSESTree.Program, exportName: string): TSESTree.Node | undefined {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && exportName === '*') return statement.declaration;
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === exportName) return declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        const declarator = declaration.declarations.find((candidate) => candidate.id.type === AST_NODE_TYPES.Identifier && candidate.id.name === exportName);
        if (declarator?.init) return declarator.init;
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        if (exported === exportName || (exported === 'default' && exportName === '*')) return specifier.local;
      }
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = statement.expression;
    if (commonJsExportName(left) === exportName) return right;
    if (!isModuleExports(left)) continue;
    if (exportName === '*' && right.type !== AST_NODE_TYPES.ObjectExpression) return right;
    if (right.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of right.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === exportName) {
        return property.value;
      }
    }
  }
  return undefined;
}

/** The function a module exports as `exportName` (`'*'`: the default), written in place or named. */
export function exportedFunction(program: TSESTree.Program, exportName: string): TSESTree.FunctionLike | undefined {
  const value = findExportedValue(program, exportName);
  if (isFunctionNode(value)) return value;
  return value?.type === AST_NODE_TYPES.Identifier ? collectTopLevelFunctions(program).get(value.name) : undefined;
}
