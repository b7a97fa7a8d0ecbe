// Finds the `new` expression that created the object a method is called on, so a rule can judge
// each instance by its own constructor options (one file may hold a v4 client and a default one).
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { resolveConstBinding, type ScopeOf, skipTypeWrappers, staticKeyName, staticMemberName } from './const-binding';
import { findObjectProperty } from './object-literal';

// Aliases of aliases are rare; the cap also stops cycles.
const MAX_DEPTH = 8;

/**
 * The construction of `receiver`: `new X()` itself, a variable written once with one, a property of a
 * `const` object literal holding one, or `this.name` assigned once in a class (field initialiser or a
 * top-level `this.name = new X()` statement in the constructor). Undefined when not visible here.
 */
export function findConstructionOf(receiver: TSESTree.Node, scopeOf: ScopeOf): TSESTree.NewExpression | undefined {
  return findAtDepth(receiver, scopeOf, 0);
}

function findAtDepth(node: TSESTree.Node, scopeOf: ScopeOf, depth: number): TSESTree.NewExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipTypeWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.NewExpression:
      return expression;
    case AST_NODE_TYPES.AwaitExpression:
      return findAtDepth(expression.argument, scopeOf, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const binding = resolveConstBinding(expression, scopeOf);
      return binding && binding.path.length === 0 ? findAtDepth(binding.value, scopeOf, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression:
      return findMemberConstruction(expression, scopeOf, depth);
    default:
      return undefined;
  }
}

function findMemberConstruction(
  member: TSESTree.MemberExpression,
  scopeOf: ScopeOf,
  depth: number,
): TSESTree.NewExpression | undefined {
  const name = staticMemberName(member);
  if (name === undefined) return undefined;
  if (member.object.type === AST_NODE_TYPES.ThisExpression) {
    const value = findClassMemberValue(member.object, name);
    return value && findAtDepth(value, scopeOf, depth + 1);
  }
  const lookup = findObjectProperty(member.object, name, scopeOf);
  return lookup.kind === 'found' ? findAtDepth(lookup.value, scopeOf, depth + 1) : undefined;
}

/** The one value a class gives `this.<name>`, seen from a `this` inside one of its methods. */
function findClassMemberValue(thisNode: TSESTree.ThisExpression, name: string): TSESTree.Node | undefined {
  const classBody = enclosingClassBody(thisNode);
  if (!classBody) return undefined;
  const values: TSESTree.Node[] = [];
  for (const element of classBody.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && element.value && !element.static) {
      if (staticKeyName(element.key, element.computed) === name) values.push(element.value);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      values.push(...constructorAssignments(element.value.body, name));
    }
  }
  return values.length === 1 ? values[0] : undefined;
}

function constructorAssignments(body: TSESTree.BlockStatement | null | undefined, name: string): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  for (const statement of body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const assignment = statement.expression;
    if (
      assignment.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.operator === '=' &&
      assignment.left.type === AST_NODE_TYPES.MemberExpression &&
      assignment.left.object.type === AST_NODE_TYPES.ThisExpression &&
      staticMemberName(assignment.left) === name
    ) {
      values.push(assignment.right);
    }
  }
  return values;
}

/** The class body whose instance `this` is: through arrow functions, up to the method or field holding them. */
function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const owner = current.parent;
      return owner?.type === AST_NODE_TYPES.MethodDefinition && owner.parent.type === AST_NODE_TYPES.ClassBody
        ? owner.parent
        : undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) {
      return current.parent.type === AST_NODE_TYPES.ClassBody ? current.parent : undefined;
    }
    current = current.parent;
  }
  return undefined;
}
