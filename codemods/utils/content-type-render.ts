// Writes an expression found in one function (a presign request's `fileType: file.type`) as source
// text that reads the same value at another place (the PUT): parameters become the call's
// arguments, local constants their initialisers, and every name left must mean the same there.
import { findVariable } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Variable = TSESLint.Scope.Variable;

export interface RenderContext {
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  visitorKeys: TSESLint.SourceCode.VisitorKeys;
  text: string;
  /** The scope of the place the text will be written at. */
  target: TSESLint.Scope.Scope;
}

/** How a variable reads at the target: the text of an argument, or an object literal's properties. */
export type Substitution = { kind: 'text'; text: string } | { kind: 'object'; node: TSESTree.ObjectExpression; env: Env };

/** Per variable of the function being read: what to write instead of its name. */
export type Env = ReadonlyMap<Variable, Substitution>;

const MAX_DEPTH = 6;

/** The variable a name refers to from `scope` (null for an undeclared global), by eslint-utils' scope walk. */
export function lookupVariable(scope: TSESLint.Scope.Scope, name: TSESTree.Identifier | string): Variable | null {
  // eslint-utils is typed against ESLint's own scope types, which TSESLint's mirror structurally.
  return findVariable(scope as never, name as never) as unknown as Variable | null;
}

/** Children that are TypeScript types, which name no values. */
const TYPE_ONLY_KEYS = new Set(['typeArguments', 'typeParameters', 'typeAnnotation', 'returnType']);

/** Source text that is one operand (a name, member chain, call or literal) and needs no parentheses. */
function isAtomic(text: string): boolean {
  return /^[\w$.]+(?:\([^()]*\))?$|^(['"])[^'"\\]*\1$/.test(text);
}

/** A non-empty string literal as written (`'image/png'`). */
function isNonEmptyStringLiteral(text: string): boolean {
  return /^(['"])[^'"\\]+\1$/.test(text);
}

function variableOf(identifier: TSESTree.Identifier, context: RenderContext): Variable | null {
  return lookupVariable(context.scopeOf(identifier), identifier);
}

/** The initialiser of a `const` declared with a plain name and never written again. */
function constantInitializer(variable: Variable): TSESTree.Expression | undefined {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent?.kind !== 'const') return undefined;
  const declarator = def.node;
  return declarator.id.type === AST_NODE_TYPES.Identifier ? (declarator.init ?? undefined) : undefined;
}

/** `param.prop` where `param` stands for an object literal: that property's value, rendered in its own env. */
function renderObjectMember(node: TSESTree.MemberExpression, env: Env, context: RenderContext, depth: number): string | undefined {
  if (node.object.type !== AST_NODE_TYPES.Identifier || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(node.object, context);
  const substitution = variable ? env.get(variable) : undefined;
  if (substitution?.kind !== 'object') return undefined;
  const name = node.property.name;
  const property = substitution.node.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === AST_NODE_TYPES.Property && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === name,
  );
  return property ? renderExpression(property.value, substitution.env, context, depth + 1) : '';
}

/** The text for one name: a substitution, an inlined local constant, or the name itself when it means the same at the target. */
function renderIdentifier(identifier: TSESTree.Identifier, env: Env, context: RenderContext, depth: number): string | undefined {
  const variable = variableOf(identifier, context);
  const substitution = variable ? env.get(variable) : undefined;
  if (substitution) return substitution.kind === 'text' ? substitution.text : undefined;
  if (lookupVariable(context.target, identifier.name) === variable) return identifier.name;
  const init = variable ? constantInitializer(variable) : undefined;
  return init ? renderExpression(init, env, context, depth + 1) : undefined;
}

/** The identifiers of an expression that name a value (not property keys or `.name` after a dot). */
function collectReferences(node: TSESTree.Node, context: RenderContext, out: TSESTree.Node[]): void {
  if (node.type === AST_NODE_TYPES.Identifier) {
    out.push(node);
    return;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && isObjectMemberCandidate(node)) out.push(node);
  for (const key of context.visitorKeys[node.type] ?? []) {
    if (TYPE_ONLY_KEYS.has(key)) continue;
    if (node.type === AST_NODE_TYPES.MemberExpression && key === 'property' && !node.computed) continue;
    if (node.type === AST_NODE_TYPES.MemberExpression && key === 'object' && isObjectMemberCandidate(node)) continue;
    if (node.type === AST_NODE_TYPES.Property && key === 'key' && !node.computed) continue;
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? child : [child]) {
      if (item && typeof item === 'object' && 'type' in item) collectReferences(item as TSESTree.Node, context, out);
    }
  }
}

function isObjectMemberCandidate(node: TSESTree.MemberExpression): boolean {
  return node.object.type === AST_NODE_TYPES.Identifier && !node.computed;
}

/** `a.b` where `a` is not an object-literal substitution: render as a name followed by `.b`. */
function renderMember(node: TSESTree.MemberExpression, env: Env, context: RenderContext, depth: number): string | undefined {
  const fromObject = renderObjectMember(node, env, context, depth);
  if (fromObject !== undefined) return fromObject;
  const object = renderIdentifier(node.object as TSESTree.Identifier, env, context, depth);
  if (object === undefined) return undefined;
  const written = isAtomic(object) ? object : `(${object})`;
  return `${written}${context.text.slice(node.object.range[1], node.range[1])}`;
}

/** `x || 'fallback'` whose left side is a non-empty string literal: that literal. */
function foldLogical(node: TSESTree.Node, env: Env, context: RenderContext, depth: number): string | undefined {
  if (node.type !== AST_NODE_TYPES.LogicalExpression || node.operator === '&&') return undefined;
  const left = renderExpression(node.left, env, context, depth);
  return left !== undefined && isNonEmptyStringLiteral(left) ? left : undefined;
}

/** Calls a written-again expression may repeat: media-type lookups (`lookup(path)`, `mime.getType(name)`), which give the same answer twice. */
const MEDIA_TYPE_LOOKUP = /lookup|type|mime/i;

/** Whether evaluating the expression again could give another value or act: awaits, assignments, calls other than media-type lookups. */
function mayDifferWhenRepeated(node: TSESTree.Node, context: RenderContext): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const callee = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.property : node.callee;
    if (callee.type !== AST_NODE_TYPES.Identifier || !MEDIA_TYPE_LOOKUP.test(callee.name)) return true;
  }
  if (
    node.type === AST_NODE_TYPES.AwaitExpression ||
    node.type === AST_NODE_TYPES.YieldExpression ||
    node.type === AST_NODE_TYPES.AssignmentExpression ||
    node.type === AST_NODE_TYPES.UpdateExpression
  ) {
    return true;
  }
  return (context.visitorKeys[node.type] ?? []).some((key) => {
    const child = (node as unknown as Record<string, unknown>)[key];
    return (Array.isArray(child) ? child : [child]).some(
      (item) => item !== null && typeof item === 'object' && 'type' in item && mayDifferWhenRepeated(item as TSESTree.Node, context),
    );
  });
}

/** The expression's text with every name replaced so that it reads the same value at the target; undefined when it cannot. */
export function renderExpression(node: TSESTree.Node, env: Env, context: RenderContext, depth = 0): string | undefined {
  if (depth > MAX_DEPTH || mayDifferWhenRepeated(node, context)) return undefined;
  const folded = foldLogical(node, env, context, depth);
  if (folded !== undefined) return folded;
  const references: TSESTree.Node[] = [];
  collectReferences(node, context, references);
  let text = '';
  let at = node.range[0];
  for (const reference of references) {
    const rendered =
      reference.type === AST_NODE_TYPES.MemberExpression
        ? renderMember(reference, env, context, depth)
        : renderIdentifier(reference as TSESTree.Identifier, env, context, depth);
    if (rendered === undefined) return undefined;
    const alone = reference.range[0] === node.range[0] && reference.range[1] === node.range[1];
    text += context.text.slice(at, reference.range[0]) + (alone || isAtomic(rendered) ? rendered : `(${rendered})`);
    at = reference.range[1];
  }
  return text + context.text.slice(at, node.range[1]);
}
