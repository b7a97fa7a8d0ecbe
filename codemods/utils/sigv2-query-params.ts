// The SignatureVersion 2 parameters a query signer sets (AWSAccessKeyId, SignatureMethod,
// SignatureVersion, Timestamp), found where they are set and removed whole, each in its own form:
// an object literal's property, `params.set(…)`, `list.push([…])`, `list.push({ name, value })`, `q['X'] = …`.
import { Node, SyntaxKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { statementRemoval } from './code-layout';
import { innermostExpression, isStringLike, propertyName } from './expressions';
import { manual } from './manual-work';

export const SIGV2_PARAMETERS = ['AWSAccessKeyId', 'SignatureMethod', 'SignatureVersion', 'Timestamp'] as const;
type SigV2Parameter = (typeof SIGV2_PARAMETERS)[number];

/** Where a query parameter is set: its value and what sets it. */
export interface QueryParameterSetting {
  value: Node;
  /** What goes when the parameter is dropped: the property or the statement that sets it. */
  removed: Node;
}

export interface QueryParameterEntry extends QueryParameterSetting {
  name: SigV2Parameter;
}

/** `{ name: 'X', value: v }` (any case of name/key and value): the value of the pair named `name`. */
function namedPairValue(object: Node, name: string): Node | undefined {
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  const properties = object.getProperties();
  const key = properties.find((property) => /^(?:name|key)$/i.test(propertyName(property) ?? ''));
  const value = properties.find((property) => /^value$/i.test(propertyName(property) ?? ''));
  const keyValue = Node.isPropertyAssignment(key) ? innermostExpression(key.getInitializerOrThrow()) : undefined;
  return isStringLike(keyValue) && keyValue.getLiteralValue() === name && Node.isPropertyAssignment(value) ? value.getInitializerOrThrow() : undefined;
}

/** The value an expression statement sets for `name`: `.set/.append('X', v)`, `.push(['X', v])`, `.push({ name: 'X', value: v })`, `q['X'] = v`. */
function statementValue(statement: Node, name: string): Node | undefined {
  if (!Node.isExpressionStatement(statement)) return undefined;
  const expression = statement.getExpression();
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
    const target = expression.getLeft();
    const key = Node.isElementAccessExpression(target) ? target.getArgumentExpression() : undefined;
    const named = Node.isPropertyAccessExpression(target) ? target.getName() : isStringLike(key) ? key.getLiteralValue() : undefined;
    return named === name ? expression.getRight() : undefined;
  }
  const callee = Node.isCallExpression(expression) ? expression.getExpression() : undefined;
  if (!Node.isCallExpression(expression) || !Node.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.getName();
  const [first, second] = expression.getArguments();
  if (['set', 'append'].includes(method) && isStringLike(first) && first.getLiteralValue() === name) return second;
  if (method !== 'push' || !first || expression.getArguments().length !== 1) return undefined;
  if (Node.isArrayLiteralExpression(first)) {
    const [key, value] = first.getElements();
    return isStringLike(key) && key.getLiteralValue() === name && first.getElements().length === 2 ? value : undefined;
  }
  return namedPairValue(first, name);
}

/** Where the occurrence `mention` of a parameter's name sets it, or undefined for any other use. */
function settingAt(mention: Node, name: string): QueryParameterSetting | undefined {
  const property = mention.getParent();
  if (Node.isPropertyAssignment(property) && property.getNameNode() === mention && Node.isObjectLiteralExpression(property.getParent())) {
    return { value: property.getInitializerOrThrow(), removed: property };
  }
  const statement = mention.getFirstAncestor((ancestor) => Node.isStatement(ancestor));
  const value = statement && statementValue(statement, name);
  return value ? { value, removed: statement! } : undefined;
}

/** The mentions of `name` in `scope`: identifiers and strings spelling it. */
function mentionsOf(scope: Node, name: string): Node[] {
  return scope.getDescendants().filter((node) => (Node.isIdentifier(node) ? node.getText() : isStringLike(node) ? node.getLiteralValue() : undefined) === name);
}

/** Where `scope` sets the query parameter `name` ('Version', 'Signature'), when it is mentioned once and set in a form this reads. */
export function findQueryParameter(scope: Node, name: string): QueryParameterSetting | undefined {
  const mentions = mentionsOf(scope, name);
  return mentions.length === 1 ? settingAt(mentions[0]!, name) : undefined;
}

/**
 * The SigV2 parameters set in `scope`, each set once in a form that can be removed whole; manual
 * when one is missing (AWSAccessKeyId names the access key) or written another way (inside a string).
 */
export function findSigV2Parameters(scope: Node): Map<SigV2Parameter, QueryParameterEntry> {
  const entries = new Map<SigV2Parameter, QueryParameterEntry>();
  for (const name of SIGV2_PARAMETERS) {
    const found = mentionsOf(scope, name);
    const text = scope.getText();
    if (found.length > 1) manual(`the parameter ${name} is set more than once`);
    if (found.length === 0 && new RegExp(`\\b${name}=`).test(text)) manual(`the parameter ${name} is written inside a query string, not set one by one`);
    if (found.length === 0) continue;
    const setting = settingAt(found[0]!, name);
    if (!setting) manual(`the parameter ${name} (line ${found[0]!.getStartLineNumber()}) is not set in a form this codemod can remove`);
    entries.set(name, { name, ...setting });
  }
  if (!entries.has('AWSAccessKeyId')) manual('no AWSAccessKeyId parameter names the access key id in the signing function');
  return entries;
}

/** Removes a property that has its line to itself, with that line. */
function propertyLineRemoval(sourceFile: SourceFile, property: Node): TextEdit {
  const text = sourceFile.getFullText();
  const lineStart = text.lastIndexOf('\n', property.getStart() - 1) + 1;
  const rest = /^,?[ \t]*(?:\/\/.*)?\r?\n/.exec(text.slice(property.getEnd()));
  if (!/^[ \t]*$/.test(text.slice(lineStart, property.getStart())) || !rest) manual(`the parameter on line ${property.getStartLineNumber()} shares its line with other code`);
  return { filePath: sourceFile.getFilePath(), start: lineStart, end: property.getEnd() + rest[0].length, text: '' };
}

/** The edit that drops one parameter. */
export function parameterRemoval(sourceFile: SourceFile, entry: QueryParameterEntry): TextEdit {
  return Node.isPropertyAssignment(entry.removed) ? propertyLineRemoval(sourceFile, entry.removed) : statementRemoval(sourceFile, entry.removed);
}
