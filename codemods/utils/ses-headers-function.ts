// A signer whose headers come from a function of their own (`headers: sesHeaders(body, key, secret)`,
// `headers: this.headers(body)`): the request that function's headers are sent with, written as
// it reads inside the function, so the headers are signed there and the function keeps its signature.
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, FunctionDeclaration, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { declarationAt, isVisibleAt, readIdentifiers, referencesTo } from './bindings';
import { calledThisMethod, methodName, soleThisCall, thisClass } from './class-methods';
import type { MethodLike } from './class-methods';
import { findProperty, innermostExpression, propertyName, propertyValue } from './expressions';
import { manual } from './manual-work';
import { httpsRequestTaking, readHttpsRequest } from './node-https-site';
import type { HttpsRequestSite } from './node-https-site';
import { isNeverReassigned, isStringBody, readRequestCall } from './request-call-site';

/** A function declaration, a class method or a prototype method (`Ctor.prototype.headers = function`). */
export type HeadersFunction = FunctionDeclaration | MethodLike;

/** True for a method of a class or of a constructor function's prototype. */
function isMethod(fn: HeadersFunction): fn is MethodLike {
  return Node.isMethodDeclaration(fn) || Node.isFunctionExpression(fn);
}

/** The name the function is called by (a prototype method's property name). */
export function functionName(fn: HeadersFunction): string {
  return (isMethod(fn) ? methodName(fn) : fn.getName()) || 'the headers function';
}

/** The function whose last statement returns `headers` (the object literal the SigV3 header is in). */
export function returningFunction(headers: ObjectLiteralExpression): HeadersFunction | undefined {
  const returned = headers.getParent();
  if (!Node.isReturnStatement(returned)) return undefined;
  const owner = returned.getParent()?.getParent();
  const isPrototypeMethod = Node.isFunctionExpression(owner) && thisClass(returned) !== undefined;
  if (!Node.isFunctionDeclaration(owner) && !Node.isMethodDeclaration(owner) && !isPrototypeMethod) return undefined;
  const statements = (owner as HeadersFunction).getStatements();
  return statements[statements.length - 1] === returned ? (owner as HeadersFunction) : undefined;
}

/**
 * The one call of the function in the file; undefined when it is called elsewhere too, or exported
 * (unless `exported` allows it: other modules then get its headers without the SigV3 ones).
 */
export function soleCall(sourceFile: SourceFile, fn: HeadersFunction, options: { exported?: boolean } = {}): CallExpression | undefined {
  if (isMethod(fn)) return soleThisCall(fn);
  const name = fn.getName();
  if (!name || (!options.exported && (fn.isExported() || fn.isDefaultExport()))) return undefined;
  const references = referencesTo(sourceFile, name);
  const call = references.length === 1 ? references[0]!.getParent() : undefined;
  return Node.isCallExpression(call) && call.getExpression() === references[0] ? call : undefined;
}

/** The parameter of `fn` an argument of its call fills, when the argument is exactly `value`'s variable. */
function parameterReceiving(sourceFile: SourceFile, fn: HeadersFunction, call: CallExpression, value: Node): Node | undefined {
  const expression = innermostExpression(value);
  if (!Node.isIdentifier(expression)) return undefined;
  const declaration = declarationAt(sourceFile, expression)?.node;
  const index = call.getArguments().findIndex((argument) => {
    const passed = innermostExpression(argument);
    return Node.isIdentifier(passed) && declaration !== undefined && declarationAt(sourceFile, passed)?.node === declaration;
  });
  const parameter = index >= 0 ? fn.getParameters()[index] : undefined;
  return parameter && Node.isIdentifier(parameter.getNameNode()) ? parameter.getNameNode() : undefined;
}

/**
 * The body as the headers function sees it: the parameter its call passes the sent body to. The
 * body must be one variable that nothing reassigns, so what is signed is what is sent.
 */
function bodyInsideFunction(sourceFile: SourceFile, fn: HeadersFunction, call: CallExpression, body: Node): Node {
  const expression = innermostExpression(body);
  const name = functionName(fn);
  if (!Node.isIdentifier(expression)) manual(`the body '${body.getText()}' is computed where it is sent, not passed to ${name}(): put it in a const and pass it`);
  if (!isNeverReassigned(sourceFile, expression)) manual(`the body '${body.getText()}' may change after ${name}() signs it`);
  if (!isStringBody(sourceFile, expression)) manual(`the body '${body.getText()}' is not visibly a string (signRequest signs strings and bytes): call .toString() on it`);
  const parameter = parameterReceiving(sourceFile, fn, call, expression);
  if (!parameter) manual(`the body '${body.getText()}' is not passed to ${name}(), where the headers are built`);
  return parameter;
}

/**
 * The request the headers returned by a function (or `this` method) are sent with, when the function
 * is called once, as the `headers` option of a fetch, axios or request-package call. Undefined when
 * the headers are not built that way.
 */
export function findHeadersFunctionSite(sourceFile: SourceFile, headers: ObjectLiteralExpression, quote: string): HttpsRequestSite | undefined {
  const fn = returningFunction(headers);
  const call = fn && soleCall(sourceFile, fn);
  const property = call?.getParent();
  if (!fn || !call || !Node.isPropertyAssignment(property) || propertyName(property) !== 'headers' || property.getInitializer() !== call) return undefined;
  if (isMethod(fn) && calledThisMethod(call) !== fn) return undefined;
  const options = property.getParentIfKind(SyntaxKind.ObjectLiteralExpression);
  const request = options?.getParent();
  if (!options || !Node.isCallExpression(request)) return undefined;
  const https = httpsRequestTaking(sourceFile, options);
  if (https) {
    const site = readHttpsRequest(https, options, quote);
    return { ...site, call: https, body: site.body && bodyInsideFunction(sourceFile, fn, call, site.body), bodyChecked: true };
  }
  const { url, method, body } = readRequestCall(sourceFile, request, options, quote);
  const name = functionName(fn);
  for (const identifier of readIdentifiers(url)) {
    if (!isVisibleAt(sourceFile, identifier.getText(), headers, { origin: identifier, allowGlobal: true })) manual(`the URL reads '${identifier.getText()}', which ${name}() cannot see where it builds the headers`);
  }
  const methodNode = propertyValue(findProperty(options, 'method'));
  return {
    call: request,
    method,
    host: url,
    url: url.getText(),
    reads: [url, ...(methodNode ? [methodNode] : [])],
    body: body && bodyInsideFunction(sourceFile, fn, call, body),
    bodyChecked: true,
  };
}
