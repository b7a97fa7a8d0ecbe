// Reads the syntax of one import, with no scope analysis: the module a `require('m')` names, the
// export an import specifier names, and the module of TypeScript's `import x = require('m')`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

/** The module of a `require('m')` call written with a string, whatever `require` is bound to. */
export function requireCallSource(node: TSESTree.Node | null | undefined): string | undefined {
  if (
    node?.type !== AST_NODE_TYPES.CallExpression ||
    node.callee.type !== AST_NODE_TYPES.Identifier ||
    node.callee.name !== 'require'
  ) {
    return undefined;
  }
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

/** The export an `import { name as local }` specifier reads (`import { 'a-b' as c }` included). */
export function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/** The module of `import x = require('m')`, undefined for `import x = Namespace.Member`. */
export function importEqualsSource(declaration: TSESTree.TSImportEqualsDeclaration): string | undefined {
  const reference = declaration.moduleReference;
  return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? reference.expression.value : undefined;
}
