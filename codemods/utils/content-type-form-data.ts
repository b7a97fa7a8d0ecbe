// A FormData body PUT to a presigned URL sends a multipart envelope, never the object itself. When
// the form is built right here around one value (`const form = new FormData(); form.append('file',
// file)`) and used for nothing else, the PUT can send that value instead, with the signed type.
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { HeaderInsertion, PutRequest } from '../../rules/utils/http-put-calls';
import { lookupVariable } from './content-type-render';

/** A replacement of `[start, end)` in the file's text. */
export interface RangeEdit {
  start: number;
  end: number;
  text: string;
}

interface FormParts {
  declaration: TSESTree.VariableDeclaration;
  append: TSESTree.ExpressionStatement;
  value: TSESTree.Node;
}

/** A name or member chain (`file`, `input.files[0]`) that reads the same when written again. */
function isRepeatable(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const keyIsPlain = !node.computed || node.property.type === AST_NODE_TYPES.Literal;
  return keyIsPlain && isRepeatable(node.object);
}

/** `form.append('file', value[, name])` as a statement of its own. */
function appendedValue(reference: TSESTree.Identifier): { statement: TSESTree.ExpressionStatement; value: TSESTree.Node } | undefined {
  const member = reference.parent;
  const call = member?.parent;
  const statement = call?.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference || call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const isAppend = !member.computed && member.property.type === AST_NODE_TYPES.Identifier && member.property.name === 'append';
  const value = call.arguments[1];
  if (!isAppend || !value || !isRepeatable(value) || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  return { statement, value };
}

/** The form's declaration and its one append, when the body variable is used for nothing else. */
function findFormParts(body: TSESTree.Node, scope: TSESLint.Scope.Scope): FormParts | undefined {
  if (body.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = lookupVariable(scope, body);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || def.parent?.declarations.length !== 1) return undefined;
  const init = def.node.init;
  const isNewForm = init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'FormData';
  if (!isNewForm || init.arguments.length > 0) return undefined;
  const uses = variable.references.filter((reference) => !reference.init && reference.identifier !== body);
  const use = uses.length === 1 ? uses[0]?.identifier : undefined;
  const append = use?.type === AST_NODE_TYPES.Identifier ? appendedValue(use) : undefined;
  return append ? { declaration: def.parent, append: append.statement, value: append.value } : undefined;
}

/** The whole line(s) of a statement that stands alone on them, newline included. */
function lineRange(statement: TSESTree.Node, text: string): RangeEdit | undefined {
  const start = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const newline = text.indexOf('\n', statement.range[1]);
  const end = newline < 0 ? text.length : newline + 1;
  const alone = /^\s*$/.test(text.slice(start, statement.range[0])) && /^\s*$/.test(text.slice(statement.range[1], end));
  return alone ? { start, end, text: '' } : undefined;
}

/** The header written where the request's options take it; multi-line objects get a line of their own. */
function headerEdit(insertion: HeaderInsertion | undefined, value: string, text: string): RangeEdit | undefined {
  const header = `'Content-Type': ${value}`;
  if (insertion?.kind === 'options-argument') return { start: insertion.after.range[1], end: insertion.after.range[1], text: `, { headers: { ${header} } }` };
  if (insertion?.kind === 'superagent-set') return { start: insertion.call.range[1], end: insertion.call.range[1], text: `.set('Content-Type', ${value})` };
  if (insertion?.kind !== 'headers-property' && insertion?.kind !== 'header-property') return undefined;
  const property = insertion.kind === 'headers-property' ? `headers: { ${header} }` : header;
  const last = insertion.object.properties[insertion.object.properties.length - 1];
  if (!last) return { start: insertion.object.range[0], end: insertion.object.range[1], text: `{ ${property} }` };
  const between = text.slice(last.range[1], insertion.object.range[1] - 1);
  const comma = /^\s*,/.exec(between);
  if (!between.includes('\n')) return { start: last.range[1], end: last.range[1], text: `, ${property}` };
  const indent = /[ \t]*$/.exec(text.slice(0, last.range[0]))?.[0] ?? '';
  const after = comma ? last.range[1] + comma[0].length : last.range[1];
  return { start: after, end: after, text: `${comma ? '' : ','}\n${indent}${property},` };
}

/** Edits that send the form's one value as the body, with `signedType`; undefined unless that is provably the same upload. */
export function unwrapFormData(request: PutRequest, signedType: string, scope: TSESLint.Scope.Scope, text: string): RangeEdit[] | undefined {
  const body = request.body;
  const parts = body && request.contentType.kind === 'missing' ? findFormParts(body, scope) : undefined;
  if (!body || !parts || request.contentType.kind !== 'missing') return undefined;
  const removals = [lineRange(parts.declaration, text), lineRange(parts.append, text)];
  const header = headerEdit(request.contentType.insertion, signedType, text);
  if (!header || removals.some((removal) => removal === undefined)) return undefined;
  const valueText = text.slice(parts.value.range[0], parts.value.range[1]);
  // A header right after the body (a new options argument) joins the body's edit: two edits may not touch.
  const joined = header.start === body.range[1];
  const bodyEdit = { start: body.range[0], end: body.range[1], text: joined ? valueText + header.text : valueText };
  return [...(removals as RangeEdit[]), bodyEdit, ...(joined ? [] : [header])];
}
