// Maps the top-level local names of a file to the module export they are bound to, in one cheap
// pass over the program's statements: `import x from`, `import * as x`, `import { a as x }`,
// `require()` whole, destructured or aliased, `require('m').a`, and `import x = require()`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { importEqualsSource, importedName, requireCallSource } from './import-shapes';

/** What a local name stands for: a whole module (`export: '*'`) or one of its named exports. */
export interface ImportedLocal {
  source: string;
  /** `'*'` for the module object (default, namespace or whole require), else the export's name. */
  export: string;
}

/** The module a `require('m')` (or `require('m').member`) loads, else null. */
function requiredModule(node: TSESTree.Node | null): string | null {
  return requireCallSource(node?.type === AST_NODE_TYPES.MemberExpression ? node.object : node) ?? null;
}

function addImportSpecifiers(declaration: TSESTree.ImportDeclaration, locals: Map<string, ImportedLocal>): void {
  const source = declaration.source.value;
  for (const specifier of declaration.specifiers) {
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = importedName(specifier);
      locals.set(specifier.local.name, { source, export: imported === 'default' ? '*' : imported });
    } else {
      locals.set(specifier.local.name, { source, export: '*' });
    }
  }
}

function addRequiredNames(declarator: TSESTree.VariableDeclarator, locals: Map<string, ImportedLocal>): void {
  const init = declarator.init;
  const source = requiredModule(init);
  if (source === null || !init) return;
  const member =
    init.type === AST_NODE_TYPES.MemberExpression && !init.computed && init.property.type === AST_NODE_TYPES.Identifier
      ? init.property.name
      : undefined;
  const whole = member === undefined || member === 'default' ? '*' : member;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    locals.set(declarator.id.name, { source, export: whole });
    return;
  }
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || whole !== '*') return;
  for (const property of declarator.id.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.value.type === AST_NODE_TYPES.Identifier
    ) {
      locals.set(property.value.name, { source, export: property.key.name === 'default' ? '*' : property.key.name });
    }
  }
}

/** Every top-level local name bound to a module export, keyed by the local name. */
export function collectTopLevelImports(program: TSESTree.Program): Map<string, ImportedLocal> {
  const locals = new Map<string, ImportedLocal>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      addImportSpecifiers(statement, locals);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) addRequiredNames(declarator, locals);
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const source = importEqualsSource(statement);
      if (source !== undefined) locals.set(statement.id.name, { source, export: '*' });
    }
  }
  return locals;
}
