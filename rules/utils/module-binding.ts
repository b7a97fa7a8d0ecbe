// Tells which module export an expression holds, through every way code imports one: ESM default,
// namespace and named imports, `require` (plain, destructured, aliased, `.member`), TypeScript's
// `import x = require()`, `await import()`, and `const` aliases of any of these.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { definitionKind } from '../values/syntax';
import {
  findVariableOf,
  isUndeclaredGlobal,
  resolveConstBinding,
  type ScopeOf,
  skipTypeWrappers,
  staticMemberName,
} from './const-binding';
import { importEqualsSource, importedName, requireCallSource } from './import-shapes';

/** An export of a module: `path` `[]` is the module object itself, `['default']` an ESM default import. */
export interface ModuleMember {
  readonly source: string;
  readonly path: readonly string[];
}

export interface ModuleResolutionOptions {
  /** Undeclared globals that stand for a module, e.g. `{ AWS: 'aws-sdk' }` for the browser bundle. */
  readonly globals?: Readonly<Record<string, string>>;
}

// Aliases nest rarely more than two or three deep; the cap also stops `const a = b, b = a` cycles.
const MAX_ALIAS_DEPTH = 12;

/** Which module export the expression evaluates to, or undefined when it is not (visibly) an import. */
export function resolveModuleMember(
  node: TSESTree.Node,
  scopeOf: ScopeOf,
  options: ModuleResolutionOptions = {},
): ModuleMember | undefined {
  return resolveAtDepth(node, scopeOf, options, 0);
}

/** The module a `require('…')` call loads, when `require` is the real one (not a local function). */
export function requiredModuleSource(node: TSESTree.Node, scopeOf: ScopeOf): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return undefined;
  const source = requireCallSource(node);
  return source !== undefined && node.callee.type === AST_NODE_TYPES.Identifier && isUndeclaredGlobal(node.callee, scopeOf)
    ? source
    : undefined;
}

function resolveAtDepth(
  node: TSESTree.Node,
  scopeOf: ScopeOf,
  options: ModuleResolutionOptions,
  depth: number,
): ModuleMember | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const expression = skipTypeWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.CallExpression: {
      const source = requiredModuleSource(expression, scopeOf);
      return source === undefined ? undefined : { source, path: [] };
    }
    case AST_NODE_TYPES.AwaitExpression:
      return dynamicImportMember(expression.argument);
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticMemberName(expression);
      const object = name === undefined ? undefined : resolveAtDepth(expression.object, scopeOf, options, depth + 1);
      return object && name !== undefined ? { source: object.source, path: [...object.path, name] } : undefined;
    }
    case AST_NODE_TYPES.ChainExpression:
      return resolveAtDepth(expression.expression, scopeOf, options, depth + 1);
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(expression, scopeOf, options, depth);
    default:
      return undefined;
  }
}

function dynamicImportMember(argument: TSESTree.Node): ModuleMember | undefined {
  if (argument.type !== AST_NODE_TYPES.ImportExpression) return undefined;
  const source = argument.source;
  return source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string'
    ? { source: source.value, path: [] }
    : undefined;
}

function resolveIdentifier(
  identifier: TSESTree.Identifier,
  scopeOf: ScopeOf,
  options: ModuleResolutionOptions,
  depth: number,
): ModuleMember | undefined {
  const variable = findVariableOf(identifier, scopeOf);
  if (variable === null || variable.defs.length === 0) {
    const source = options.globals?.[identifier.name];
    return source === undefined ? undefined : { source, path: [] };
  }
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  const node = definition?.node;
  if (definition !== undefined && definitionKind(definition) === 'ImportBinding' && node && isImportBindingNode(node)) return importBindingMember(node);
  const binding = resolveConstBinding(identifier, scopeOf);
  if (!binding) return undefined;
  const value = resolveAtDepth(binding.value, scopeOf, options, depth + 1);
  return value && { source: value.source, path: [...value.path, ...binding.path] };
}

function isImportBindingNode(
  node: TSESTree.Node,
): node is TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier | TSESTree.ImportSpecifier | TSESTree.TSImportEqualsDeclaration {
  return (
    node.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
    node.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
    node.type === AST_NODE_TYPES.ImportSpecifier ||
    node.type === AST_NODE_TYPES.TSImportEqualsDeclaration
  );
}

function importBindingMember(
  node:
    | TSESTree.ImportDefaultSpecifier
    | TSESTree.ImportNamespaceSpecifier
    | TSESTree.ImportSpecifier
    | TSESTree.TSImportEqualsDeclaration,
): ModuleMember | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const source = importEqualsSource(node);
    return source === undefined ? undefined : { source, path: [] };
  }
  const declaration = node.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const source = declaration.source.value;
  switch (node.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return { source, path: ['default'] };
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return { source, path: [] };
    case AST_NODE_TYPES.ImportSpecifier:
      return { source, path: [importedName(node)] };
  }
}
