// Finding the Node `https.request({ host, path, method, headers })` a headers object is sent with,
// and the body later written with `req.end(body)`: what a signer that sends with node:https signs.
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { uniqueDeclaration, usesOfVariable } from './bindings';
import { findProperty, innermostExpression, isStringLike, propertyName, propertyValue } from './expressions';
import { manual } from './manual-work';

const HTTPS_MODULES = new Set(['https', 'node:https']);

export interface HttpsRequestSite {
  call: CallExpression;
  /** Source text of the HTTP method. */
  method: string;
  /** The host option (`host` or `hostname`): where the request goes, and what tells its region. */
  host: Node;
  /** Source text of the absolute URL the request goes to (`https://` + host + path). */
  url: string;
  /** The option values the URL and method are written from (host, path, method). */
  reads: Node[];
  /** The one expression written with `req.end(body)` or `req.write(body)`, if any. */
  body?: Node;
  /** True when the body was already proven to be what is sent (a headers function's parameter). */
  bodyChecked?: boolean;
}

/** The module a require or import binding named `name` comes from. */
export function moduleOfBinding(sourceFile: SourceFile, name: string): { module: string; imported?: string } | undefined {
  const declaration = uniqueDeclaration(sourceFile, name)?.node;
  const importDeclaration = declaration?.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (importDeclaration) {
    const imported = Node.isImportSpecifier(declaration) ? declaration.getName() : undefined;
    return { module: importDeclaration.getModuleSpecifierValue(), imported };
  }
  const variable = declaration?.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) ?? (Node.isVariableDeclaration(declaration) ? declaration : undefined);
  const initializer = variable?.getInitializer();
  if (!initializer || !Node.isCallExpression(initializer) || initializer.getExpression().getText() !== 'require') return undefined;
  const [argument] = initializer.getArguments();
  if (!isStringLike(argument)) return undefined;
  const imported = Node.isBindingElement(declaration) ? (declaration.getPropertyNameNode()?.getText() ?? declaration.getName()) : undefined;
  return { module: argument.getLiteralValue(), imported };
}

/** `request(…)` imported from node:https, or `https.request(…)` on the module itself. */
function isHttpsRequest(sourceFile: SourceFile, call: CallExpression): boolean {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) {
    const origin = moduleOfBinding(sourceFile, callee.getText());
    return origin !== undefined && HTTPS_MODULES.has(origin.module) && origin.imported === 'request';
  }
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'request' || !Node.isIdentifier(callee.getExpression())) return false;
  const origin = moduleOfBinding(sourceFile, callee.getExpression().getText());
  return origin !== undefined && HTTPS_MODULES.has(origin.module) && origin.imported === undefined;
}

/** The request options literal the headers object is the `headers` of (inline, or through a one-use const). */
function requestOptions(headers: ObjectLiteralExpression): ObjectLiteralExpression | undefined {
  const parent = headers.getParentOrThrow();
  if (Node.isPropertyAssignment(parent) && propertyName(parent) === 'headers') return parent.getParentIfKind(SyntaxKind.ObjectLiteralExpression);
  if (!Node.isVariableDeclaration(parent)) return undefined;
  const uses = usesOfVariable(parent);
  const use = uses.length === 1 ? uses[0]!.getParentOrThrow() : undefined;
  if (!use || !Node.isShorthandPropertyAssignment(use) || use.getName() !== 'headers') return undefined;
  return use.getParentIfKind(SyntaxKind.ObjectLiteralExpression);
}

/** What `const req = request(…)` is sent with: the argument of its one `req.end(x)` / `req.write(x)`. */
function writtenBody(call: CallExpression): Node | undefined {
  const declaration = call.getParent();
  if (!Node.isVariableDeclaration(declaration)) manual('the https.request() result is not kept in a variable, so the body it sends is not visible');
  const writes = usesOfVariable(declaration).flatMap((use) => {
    const access = use.getParent();
    const send = access?.getParent();
    if (!Node.isPropertyAccessExpression(access) || !Node.isCallExpression(send) || send.getExpression() !== access) return [];
    return ['end', 'write'].includes(access.getName()) && send.getArguments().length > 0 ? [send] : [];
  });
  if (writes.length > 1) manual('the body is written in several req.write()/req.end() calls');
  const [write] = writes;
  if (write && write.getArguments().length !== 1) manual(`the body is written with arguments signRequest cannot read: ${write.getText()}`);
  return write?.getArguments()[0];
}

/** A literal's or a template's text inside a template (`${…}` for anything else). */
function templatePart(node: Node): string {
  const expression = innermostExpression(node);
  if (isStringLike(expression) && !/[`$\\]/.test(expression.getLiteralValue())) return expression.getLiteralValue();
  // A template's own text goes in as it is: `${`${bucket}.s3…`}` would say the same less clearly.
  if (Node.isTemplateExpression(expression)) return expression.getText().slice(1, -1);
  return `\${${expression.getText()}}`;
}

/** Method, URL and body of a node:https `request(options, cb)` call, read from its options literal. */
export function readHttpsRequest(call: CallExpression, options: ObjectLiteralExpression, quote: string): Omit<HttpsRequestSite, 'call'> {
  if (options.getProperties().some((property) => Node.isSpreadAssignment(property))) manual('the https.request() options contain a spread');
  for (const name of ['port', 'protocol', 'socketPath', 'auth']) if (findProperty(options, name)) manual(`the https.request() options set '${name}', which the signed URL would have to repeat`);
  const host = propertyValue(findProperty(options, 'hostname') ?? findProperty(options, 'host'));
  if (!host) manual('the https.request() options name no host');
  const path = propertyValue(findProperty(options, 'path'));
  const method = propertyValue(findProperty(options, 'method'));
  if (method && !isStringLike(innermostExpression(method)) && !Node.isIdentifier(innermostExpression(method))) manual(`the method '${method.getText()}' is not a literal or a variable`);
  const template = `https://${templatePart(host)}${path ? templatePart(path) : '/'}`;
  const url = template.includes('${') ? `\`${template}\`` : `${quote}${template}${quote}`;
  const reads = [host, path, method].filter((node): node is Node => node !== undefined);
  return { method: method ? method.getText() : `${quote}GET${quote}`, host, url, reads, body: writtenBody(call) };
}

/** The node:https request `options` are the first argument of, when they are. */
export function httpsRequestTaking(sourceFile: SourceFile, options: ObjectLiteralExpression): CallExpression | undefined {
  const call = options.getParent();
  return Node.isCallExpression(call) && call.getArguments()[0] === options && isHttpsRequest(sourceFile, call) ? call : undefined;
}

/** The node:https request the headers object is sent with, or undefined when it is not sent with one. */
export function findHttpsRequestSite(sourceFile: SourceFile, headers: ObjectLiteralExpression, quote: string): HttpsRequestSite | undefined {
  const options = requestOptions(headers);
  const call = options && httpsRequestTaking(sourceFile, options);
  return options && call ? { call, ...readHttpsRequest(call, options, quote) } : undefined;
}
