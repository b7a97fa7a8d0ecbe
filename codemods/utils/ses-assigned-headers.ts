// A signer that builds its request options step by step (`options.headers = {}`,
// `options.headers['X-Amzn-Authorization'] = …`, `options.body = …`) and returns or sends them:
// the SigV3 assignments go, and once the options are complete their headers are signed in place.
import { Node, SyntaxKind } from 'ts-morph';
import type { BinaryExpression, Block, Expression, ObjectLiteralExpression, SourceFile, Statement } from 'ts-morph';
import type { CodemodContext, CodemodOutcome, TextEdit } from '../types';
import { removeDeadSigningCode } from './dead-signing-code';
import { declarationAt, isVisibleAt, namesRead, readIdentifiers, referencesTo } from './bindings';
import { statementRemoval } from './code-layout';
import { findProperty, innermostExpression, isStringLike, propertyValue } from './expressions';
import { manual } from './manual-work';
import { findSesSigningTarget, mayBeOverridden, sesRegionExpression } from './ses-signing-target';
import { signingOptions } from './sign-request-call';
import { isDroppedHeaderName, isLegacyAuthHeaderName, sigV3Credentials } from './sigv3-authorization';

/** One `options.headers[name] = value;` statement. */
export interface HeaderAssignment {
  statement: Statement;
  name: string;
  value: Expression;
}

/** The request options built step by step, and what signing them needs. */
export interface AssignedOptions {
  /** The options variable's name (`options`). */
  name: string;
  /** The options literal it is declared with. */
  literal: ObjectLiteralExpression;
  /** Every `options.headers[…] = …` statement, in order. */
  headers: HeaderAssignment[];
  /** The URL as written in the literal or assigned later (`uri` or `url`). */
  url: Node;
  /** The option names the request carries (`uri`, `method`, `body`, …). */
  options: Set<string>;
  /** The last statement that writes the options: the signing goes right after it. */
  lastWrite: Statement;
}

/** request() options that change the URL or the body after signing. */
const REWRITING_OPTIONS = ['baseUrl', 'qs', 'form', 'formData', 'multipart', 'json', 'aws', 'oauth', 'auth'];

/** `a.b` or `a['b']`: the object and the member name, when the name is written out. */
function memberOf(node: Node): { object: Node; name: string } | undefined {
  if (Node.isPropertyAccessExpression(node)) return { object: node.getExpression(), name: node.getName() };
  if (!Node.isElementAccessExpression(node)) return undefined;
  const argument = node.getArgumentExpression();
  return isStringLike(argument) ? { object: node.getExpression(), name: argument.getLiteralValue() } : undefined;
}

/** `target = value;` as a statement of its own. */
function assignmentOf(statement: Node): BinaryExpression | undefined {
  const expression = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
  return Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken ? expression : undefined;
}

/** The `options.headers[name] = …` statement a finding sits in, if it sits in one. */
export function headerAssignmentAt(node: Node): { statement: Statement; options: string } | undefined {
  const statement = node.getFirstAncestorByKind(SyntaxKind.ExpressionStatement);
  const assignment = statement && assignmentOf(statement);
  const header = assignment && memberOf(assignment.getLeft());
  const headers = header && memberOf(header.object);
  if (!statement || !headers || headers.name !== 'headers' || !Node.isIdentifier(headers.object)) return undefined;
  return { statement, options: headers.object.getText() };
}

/** What one statement of the block does to the options: a header, another option, or nothing. */
function optionWrite(statement: Statement, name: string): { header?: HeaderAssignment; option?: string; value?: Expression } | undefined {
  const assignment = assignmentOf(statement);
  const target = assignment && memberOf(assignment.getLeft());
  if (!assignment || !target) return undefined;
  if (Node.isIdentifier(target.object) && target.object.getText() === name) return { option: target.name, value: assignment.getRight() };
  const headers = memberOf(target.object);
  if (headers && headers.name === 'headers' && Node.isIdentifier(headers.object) && headers.object.getText() === name) {
    return { header: { statement, name: target.name, value: assignment.getRight() } };
  }
  return undefined;
}

/** Stops unless every read of the options in the block is one of its writes, its return, or after the last write. */
function checkNoEarlyReads(sourceFile: SourceFile, name: string, block: Block, writes: Statement[], lastWrite: Statement): void {
  for (const reference of referencesTo(sourceFile, name)) {
    if (reference.getFirstAncestorByKind(SyntaxKind.Block) !== block && !block.getDescendants().includes(reference)) continue;
    const inWrite = writes.some((write) => write.getDescendants().includes(reference));
    if (!inWrite && reference.getStart() < lastWrite.getEnd()) manual(`'${name}' is read before its headers are complete, so signing them at the end would change what that code sees`);
  }
}

/** The options variable a SigV3 header is assigned into, read statement by statement in its block. */
export function readAssignedOptions(sourceFile: SourceFile, statement: Statement, name: string): AssignedOptions {
  const block = statement.getParent();
  if (!Node.isBlock(block)) manual(`the X-Amzn-Authorization header is assigned inside a condition or a loop, not in the function's body`);
  const declaration = declarationAt(sourceFile, statement.getDescendantsOfKind(SyntaxKind.Identifier).find((identifier) => identifier.getText() === name)!)?.node;
  const literal = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  if (!Node.isVariableDeclaration(declaration) || !Node.isObjectLiteralExpression(literal) || declaration.getFirstAncestorByKind(SyntaxKind.Block) !== block) {
    manual(`'${name}' is not an object literal declared in the function that sets its headers`);
  }
  const options = new Set(literal.getProperties().flatMap((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? [property.getName()] : ['...'])));
  if (options.has('...')) manual(`the '${name}' object literal contains a spread or a method`);
  const headers: HeaderAssignment[] = [];
  const writes: Statement[] = [];
  let url = propertyValue(findProperty(literal, 'uri') ?? findProperty(literal, 'url'));
  for (const candidate of block.getStatements()) {
    const write = optionWrite(candidate, name);
    if (!write) continue;
    writes.push(candidate);
    if (write.header) headers.push(write.header);
    if (write.option) {
      if (write.option === 'headers' && !(Node.isObjectLiteralExpression(write.value) && write.value.getProperties().length === 0)) manual(`'${name}.headers' is set to something else than an empty object`);
      if (['uri', 'url'].includes(write.option)) url = write.value;
      options.add(write.option);
    }
  }
  if (!options.has('headers')) manual(`'${name}.headers' is not set to a new object in the same function`);
  for (const option of REWRITING_OPTIONS) if (options.has(option)) manual(`the request options set '${option}', which changes the URL or the body after signing`);
  if (!url) manual(`'${name}' has no uri or url option, so the URL to sign is not visible`);
  const lastWrite = writes[writes.length - 1]!;
  checkNoEarlyReads(sourceFile, name, block, writes, lastWrite);
  return { name, literal, headers, url, options, lastWrite };
}

/** True when every name the expression reads means the same right after `site`. */
export function readsSameAfter(sourceFile: SourceFile, node: Node, site: Node): boolean {
  return readIdentifiers(node).every((identifier) => isVisibleAt(sourceFile, identifier.getText(), site, { origin: identifier, allowGlobal: true }));
}

/** `options.headers = signRequest({ method, url, headers, body }, …).headers;` right after the last write. */
export function signAssignedHeadersEdit(sourceFile: SourceFile, built: AssignedOptions, signRequest: string, signingOptions: string, quote: string): TextEdit {
  const { name, lastWrite, options } = built;
  const method = options.has('method') ? `${name}.method` : `${quote}GET${quote}`;
  const url = options.has('uri') ? `${name}.uri` : `${name}.url`;
  const body = options.has('body') ? `, body: ${name}.body` : '';
  const text = sourceFile.getFullText();
  const lineStart = text.lastIndexOf('\n', lastWrite.getStart()) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const semicolon = lastWrite.getText().endsWith(';') ? ';' : '';
  const signing = `\n${indent}${name}.headers = ${signRequest}({ method: ${method}, url: ${url}, headers: ${name}.headers${body} }, ${signingOptions}).headers${semicolon}`;
  return { filePath: sourceFile.getFilePath(), start: lastWrite.getEnd(), end: lastWrite.getEnd(), text: signing };
}

/** The removals of the header statements SigV4 replaces (the SigV3 authorization and its date). */
export function droppedHeaderRemovals(sourceFile: SourceFile, built: AssignedOptions, isDropped: (name: string) => boolean): { edits: TextEdit[]; ranges: [number, number][] } {
  const dropped = built.headers.filter((header) => isDropped(header.name));
  return {
    edits: dropped.map((header) => statementRemoval(sourceFile, header.statement)),
    ranges: dropped.map((header): [number, number] => [header.statement.getStart(), header.statement.getEnd()]),
  };
}

/** The AWS3 value of the assigned X-Amzn-Authorization header. */
export function assignedAuthorization(built: AssignedOptions, isAuth: (name: string) => boolean): Node {
  const header = built.headers.find((candidate) => isAuth(candidate.name));
  if (!header) manual('the X-Amzn-Authorization header is not assigned as a written-out name');
  return innermostExpression(header.value);
}

/**
 * The SigV3 header assigned into request options built step by step, rewritten: its statements go
 * and the complete options' headers are signed with signRequest. Undefined when the finding is not
 * in such an assignment.
 */
export function rewriteAssignedSigV3Headers(context: CodemodContext, quote: string): CodemodOutcome | undefined {
  const { sourceFile } = context;
  const at = headerAssignmentAt(context.node);
  if (!at) return undefined;
  const built = readAssignedOptions(sourceFile, at.statement, at.options);
  const { accessKey, secret } = sigV3Credentials(sourceFile, assignedAuthorization(built, isLegacyAuthHeaderName));
  for (const node of [accessKey, secret]) {
    if (!readsSameAfter(sourceFile, node, built.lastWrite)) manual(`'${node.getText()}' (part of the credentials) is not visible once the request options are complete`);
  }
  const found = findSesSigningTarget(sourceFile, built.url, built.lastWrite, quote);
  const urlText = `${built.name}.${built.options.has('uri') ? 'uri' : 'url'}`;
  // An endpoint the caller may override signs for the region in the endpoint it is given.
  const target = found.region.startsWith(quote) && mayBeOverridden(sourceFile, built.url) ? { ...found, region: sesRegionExpression(urlText, found.region) } : found;
  const signRequest = context.helper.use(sourceFile, 'signRequest');
  const signing = signAssignedHeadersEdit(sourceFile, built, signRequest, signingOptions(sourceFile, { accessKey, secret, target }, quote), quote);
  const removed = droppedHeaderRemovals(sourceFile, built, isDroppedHeaderName);
  const live = new Set([built.name, ...namesRead([accessKey, secret])]);
  if (!target.region.startsWith(quote) && !target.region.includes('(')) live.add(target.region.replace(/!$/, ''));
  const edits = [...removed.edits, signing, ...removeDeadSigningCode(sourceFile, removed.ranges, live, built.lastWrite)];
  return { kind: 'fixed', edits, note: `signs the request headers with Signature Version 4 through ${signRequest}() once the options are complete` };
}
