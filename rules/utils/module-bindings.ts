// Matches what a variable is bound to: the module it was imported or required from, its writes.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

type Variable = TSESLint.Scope.Variable;

/** The module specifier a variable comes from (`import … from 'm'`, `require('m')`), or null. */
export function moduleSourceOf(variable: Variable): string | null {
  const [definition] = variable.defs;
  if (!definition) return null;
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent;
    if (declaration?.type === AST_NODE_TYPES.ImportDeclaration) return declaration.source.value;
    if (declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return importEqualsSource(declaration);
    return null;
  }
  if (definition.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
    return requiredModule(definition.node.init);
  }
  return null;
}

function importEqualsSource(declaration: TSESTree.TSImportEqualsDeclaration): string | null {
  const reference = declaration.moduleReference;
  if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return null;
  return reference.expression.type === AST_NODE_TYPES.Literal ? String(reference.expression.value) : null;
}

/** The specifier of `require('m')` (or `require('m').x`), else null. */
export function requiredModule(node: TSESTree.Node | null | undefined): string | null {
  let current = node;
  while (current?.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  if (current?.type !== AST_NODE_TYPES.CallExpression) return null;
  const { callee, arguments: [specifier] } = current;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return null;
  return specifier?.type === AST_NODE_TYPES.Literal && typeof specifier.value === 'string' ? specifier.value : null;
}

/** The name a destructured or imported binding had in its module (`{ stringify: s }` → `stringify`). */
export function importedName(variable: Variable): string | null {
  const [definition] = variable.defs;
  const name = definition?.name;
  if (!definition || !name) return null;
  const binding = definition.node;
  if (binding.type === AST_NODE_TYPES.ImportSpecifier) {
    return binding.imported.type === AST_NODE_TYPES.Identifier ? binding.imported.name : String(binding.imported.value);
  }
  const property = name.parent;
  if (property?.type === AST_NODE_TYPES.Property && property.value === name && property.key.type === AST_NODE_TYPES.Identifier) {
    return property.key.name;
  }
  return name.type === AST_NODE_TYPES.Identifier ? name.name : null;
}

/** Every expression written to a local variable: its initialiser and later assignments. */
export function writtenValues(variable: Variable): TSESTree.Node[] {
  return variable.references.flatMap((reference) => (reference.writeExpr ? [reference.writeExpr] : []));
}
