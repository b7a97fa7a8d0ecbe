// Finding the fetch, axios or `request` package call that sends a headers object, with its URL, method and body, and
// the statement that runs it: what a request re-signed in place needs to read and rewrite.
import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { CallExpression, Identifier, ObjectLiteralExpression, SourceFile, Statement } from 'ts-morph';
import { declarationAt, invisibleCredential, referencesTo, uniqueDeclaration, usesOfVariable } from './bindings';
import { calledThisMethod, soleReturnExpression } from './class-methods';
import { findProperty, innermostExpression, isPlainReference, propertyName, propertyValue } from './expressions';
import { manual } from './manual-work';
import { moduleOfBinding } from './node-https-site';
import { stringParts } from './string-parts';

/** What a request call sends, as the signing call must repeat it. */
export interface RequestParts {
  /** The URL argument or option: what is signed, then replaced by the signed URL. */
  url: Node;
  /** Source text of the HTTP method. */
  method: string;
  body?: Node;
}

export interface RequestSite extends RequestParts {
  call: CallExpression;
  /** The `headers` property of the options (inline object or shorthand of a const). */
  headersProperty: Node;
  /** The `const headers = {…}` statement when the headers come through a shorthand. */
  headersStatement?: Statement;
}

const AXIOS_METHODS_WITH_BODY = new Set(['post', 'put', 'patch']);
const AXIOS_METHODS_WITHOUT_BODY = new Set(['get', 'delete', 'head', 'options']);
const REQUEST_PACKAGE_VERBS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head']);
/** request() options that change the URL or the body after the headers are signed. */
const REQUEST_PACKAGE_REWRITING_OPTIONS = ['baseUrl', 'qs', 'form', 'formData', 'multipart', 'json', 'aws', 'oauth', 'auth', 'hawk', 'httpSignature'];

/** Calls whose result is a string whatever they are called on. */
const STRING_RESULT_CALLS = new Set([
  'toString', 'stringify', 'String', 'join', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase',
  'replace', 'replaceAll', 'substring', 'normalize', 'padStart', 'padEnd', 'encodeURIComponent',
]);

/** The `headers` property holding `headers`, directly or as the shorthand of a single-use const. */
function findHeadersProperty(headers: ObjectLiteralExpression): { property: Node; statement?: Statement } {
  const parent = headers.getParentOrThrow();
  if (Node.isPropertyAssignment(parent) && propertyName(parent) === 'headers') return { property: parent };
  if (!Node.isVariableDeclaration(parent) || parent.getVariableStatement()?.getDeclarations().length !== 1) {
    manual('the headers object is not the `headers` option of a request call');
  }
  const uses = usesOfVariable(parent);
  const use = uses.length === 1 ? uses[0]!.getParentOrThrow() : undefined;
  if (!use || !Node.isShorthandPropertyAssignment(use) || use.getName() !== 'headers') {
    manual(`the headers object '${parent.getName()}' is not used once, as \`headers\` of a request call`);
  }
  return { property: use, statement: parent.getVariableStatementOrThrow() };
}

/** True for the default export of 'axios' (`import axios from 'axios'`, `const axios = require('axios')`): no baseURL or interceptors of an instance. */
function isAxiosModule(sourceFile: SourceFile, node: Node): boolean {
  if (!Node.isIdentifier(node)) return false;
  const declaration = uniqueDeclaration(sourceFile, node.getText())?.node;
  if (Node.isImportClause(declaration)) return declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue() === 'axios';
  if (!Node.isVariableDeclaration(declaration)) return false;
  const initializer = declaration.getInitializer();
  return initializer !== undefined && /^require\((['"])axios\1\)$/.test(initializer.getText());
}

/** True when no code assigns to the variable `identifier` names (a const, or a parameter or var never reassigned). */
export function isNeverReassigned(sourceFile: SourceFile, identifier: Identifier): boolean {
  const declaration = declarationAt(sourceFile, identifier)?.node;
  if (!declaration) return false;
  return referencesTo(sourceFile, identifier.getText()).every((reference) => {
    const parent = reference.getParent();
    const operator = Node.isBinaryExpression(parent) && parent.getLeft() === reference ? parent.getOperatorToken().getKind() : undefined;
    const assigned = operator !== undefined && operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment;
    const stepped = Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent);
    return !(assigned || stepped) || declarationAt(sourceFile, reference)?.node !== declaration;
  });
}

/** True when the body is visibly a string (what signRequest hashes and fetch sends unchanged). */
export function isStringBody(sourceFile: SourceFile, body: Node): boolean {
  const expression = innermostExpression(body);
  if (stringParts(expression)) return true;
  const method = calledThisMethod(expression);
  if (method) {
    const returned = soleReturnExpression(method);
    return method.getReturnTypeNode()?.getText() === 'string' || (returned !== undefined && isStringBody(sourceFile, returned));
  }
  if (Node.isCallExpression(expression)) {
    const callee = expression.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    return STRING_RESULT_CALLS.has(name);
  }
  if (Node.isIdentifier(expression)) {
    // The declaration in scope where the body is read: a file may declare `body` in several functions.
    const declaration = declarationAt(sourceFile, expression)?.node;
    if (!declaration) return false;
    if ((Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration)) && declaration.getTypeNode()?.getText() === 'string') return true;
    // A `var` or `let` nothing assigns to after its declaration reads as a const.
    const isConst = Node.isVariableDeclaration(declaration) && (declaration.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const || isNeverReassigned(sourceFile, expression));
    const initializer = isConst ? declaration.getInitializer() : undefined;
    return initializer !== undefined && isStringBody(sourceFile, initializer);
  }
  return false;
}

/**
 * A method that can be written twice (in the signing call and the request), and a body that is a
 * string, written once. `bytesOnly`: the sender takes only strings and bytes (or a stream, which
 * signRequest refuses loudly), so any body it is given signs as it is sent.
 */
function checkRequestParts(sourceFile: SourceFile, method: Node | undefined, body: Node | undefined, bytesOnly = false): void {
  if (method && !isPlainReference(method)) manual(`the method '${method.getText()}' is not a literal or a variable`);
  if (body && !isPlainReference(body) && body.getText().includes('\n')) manual('the body is an expression over several lines: put it in a const first, so it is evaluated once for signing and sending');
  if (body && !bytesOnly && !isStringBody(sourceFile, body)) manual(`the body '${body.getText()}' is not visibly a string (signRequest signs strings and bytes): call .toString() on it`);
}

/** The `request` npm package (`const request = require('request')`, `import request from 'request'`). */
function isRequestPackage(sourceFile: SourceFile, node: Node): boolean {
  if (!Node.isIdentifier(node)) return false;
  const origin = moduleOfBinding(sourceFile, node.getText());
  return origin?.module === 'request' && origin.imported === undefined;
}

/** `request(options, cb)`, `request(url, options, cb)` and `request.post(options, cb)`: URL, method and body from the options. */
function readRequestPackageCall(sourceFile: SourceFile, call: CallExpression, options: ObjectLiteralExpression, quote: string): RequestParts {
  const callee = call.getExpression();
  const verb = Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  if (verb !== undefined && !REQUEST_PACKAGE_VERBS.has(verb)) manual(`request.${verb}() is not one of the request methods this codemod rewrites`);
  const [first, second] = call.getArguments();
  if (first !== options && second !== options) manual('the headers are not in the options argument of request()');
  for (const name of REQUEST_PACKAGE_REWRITING_OPTIONS) {
    if (findProperty(options, name)) manual(`the request() options set '${name}', which changes the URL or the body after signing`);
  }
  const url = first === options ? propertyValue(findProperty(options, 'url') ?? findProperty(options, 'uri')) : first;
  if (!url) manual('the request() options name no url or uri');
  const method = propertyValue(findProperty(options, 'method'));
  const body = propertyValue(findProperty(options, 'body'));
  // Without `json` (refused above) request() sends only a string, a Buffer or a stream as the body.
  checkRequestParts(sourceFile, verb ? undefined : method, body, true);
  const methodText = verb ? `${quote}${verb === 'del' ? 'DELETE' : verb.toUpperCase()}${quote}` : method?.getText() ?? `${quote}GET${quote}`;
  return { url, method: methodText, body };
}

/**
 * URL, method and body of a request call sending `options` (which hold the headers): fetch's
 * `fetch(url, { method, headers, body })`, axios's `axios.post(url, body, { headers })` /
 * `axios.get(url, { headers })`, or the request package's `request({ method, uri, headers, body }, cb)`.
 */
export function readRequestCall(sourceFile: SourceFile, call: CallExpression, options: ObjectLiteralExpression, quote: string): RequestParts {
  if (options.getProperties().some((property) => Node.isSpreadAssignment(property))) manual('the request options contain a spread');
  const [url, second] = call.getArguments();
  if (!url) manual('the request is sent without a URL');
  const callee = call.getExpression();
  if ((Node.isIdentifier(callee) && callee.getText() === 'fetch') || callee.getText() === 'globalThis.fetch') {
    if (second !== options) manual('the headers are not in the options argument of fetch(url, { headers })');
    const method = propertyValue(findProperty(options, 'method'));
    const body = propertyValue(findProperty(options, 'body'));
    checkRequestParts(sourceFile, method, body);
    return { url, method: method ? method.getText() : `${quote}GET${quote}`, body };
  }
  if (isRequestPackage(sourceFile, callee) || (Node.isPropertyAccessExpression(callee) && isRequestPackage(sourceFile, callee.getExpression()))) {
    return readRequestPackageCall(sourceFile, call, options, quote);
  }
  if (Node.isPropertyAccessExpression(callee) && isAxiosModule(sourceFile, callee.getExpression())) {
    const name = callee.getName();
    const withBody = AXIOS_METHODS_WITH_BODY.has(name);
    if (!withBody && !AXIOS_METHODS_WITHOUT_BODY.has(name)) manual(`axios.${name}() is not one of the request methods this codemod rewrites`);
    if (call.getArguments()[withBody ? 2 : 1] !== options) manual(`the headers are not in the config argument of axios.${name}()`);
    if (findProperty(options, 'baseURL') || findProperty(options, 'params') || findProperty(options, 'transformRequest')) {
      manual('the axios config changes the URL or the body after signing (baseURL, params, transformRequest)');
    }
    const body = withBody ? second : undefined;
    checkRequestParts(sourceFile, undefined, body);
    return { url, method: `${quote}${name.toUpperCase()}${quote}`, body };
  }
  manual(`the request is sent with ${callee.getText()}(), which this codemod does not rewrite (it rewrites fetch, axios, the request package and node:https)`);
}

/** The request the headers go with, and the statement holding them when they come through a const. */
export function findRequestSite(sourceFile: SourceFile, headers: ObjectLiteralExpression, quote: string): RequestSite {
  const { property: headersProperty, statement: headersStatement } = findHeadersProperty(headers);
  const options = headersProperty.getParentOrThrow();
  const call = options.getParentOrThrow();
  if (!Node.isObjectLiteralExpression(options) || !Node.isCallExpression(call)) manual('the headers are not passed inline to the request call');
  if (headersStatement && headersStatement.getEnd() > call.getStart()) manual('the headers object is declared after the request call');
  return { call, headersProperty, headersStatement, ...readRequestCall(sourceFile, call, options, quote) };
}

/**
 * The request the headers go with and the statement that sends it, once a signRequest there can
 * work: the credential parts visible at that statement and the headers declared in its block.
 */
export function findSigningSite(sourceFile: SourceFile, headers: ObjectLiteralExpression, credentials: readonly Node[], quote: string): { site: RequestSite; statement: Statement } {
  const site = findRequestSite(sourceFile, headers, quote);
  const statement = enclosingStatement(site.call);
  const hidden = invisibleCredential(sourceFile, credentials, statement);
  if (hidden) manual(`'${hidden}' (part of the credentials) is not visible where the request is sent`);
  if (site.headersStatement && site.headersStatement.getParent() !== statement.getParent()) manual('the headers object is declared in another block than the request call');
  return { site, statement };
}

/** The statement that evaluates the call unconditionally, in the same function, or a reason why not. */
export function enclosingStatement(call: CallExpression): Statement {
  let current: Node = call;
  for (;;) {
    const parent = current.getParentOrThrow();
    if (Node.isBlock(parent) || Node.isSourceFile(parent) || Node.isCaseClause(parent) || Node.isModuleBlock(parent)) return current as Statement;
    const passesThrough =
      Node.isAwaitExpression(parent) || Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) ||
      Node.isVariableDeclaration(parent) || Node.isVariableDeclarationList(parent) || Node.isVariableStatement(parent) ||
      Node.isReturnStatement(parent) || Node.isExpressionStatement(parent) ||
      (Node.isPropertyAccessExpression(parent) && parent.getExpression() === current) ||
      (Node.isCallExpression(parent) && parent.getExpression() === current);
    if (!passesThrough) manual('the request call is not a statement of its own (it sits in a condition, an argument or an arrow function)');
    current = parent;
  }
}
