// Signing a SigV3 mailer where its request is sent, when the headers come from a function or method
// of their own (`headers: this.headers()`) that cannot sign them itself (it never sees the body):
// the request is signed at the call, and the headers function keeps its signature and its other
// headers, losing only the SigV3 ones. Headers returned as a literal or built step by step
// (`var headers = {}; headers['X-Amzn-Authorization'] = …; return headers;`) both count.
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, Expression, ObjectLiteralExpression, SourceFile, Statement } from 'ts-morph';
import type { CodemodContext, CodemodOutcome, TextEdit } from '../types';
import { declarationAt, namesRead, usesOfVariable } from './bindings';
import { listElementRemoval, statementRemoval } from './code-layout';
import { removeDeadSigningCode } from './dead-signing-code';
import { innermostExpression, isPlainReference, isStringLike, propertyName } from './expressions';
import type { RemovedRange } from './import-removal';
import { manual, unlessManual } from './manual-work';
import type { CodeStyle } from './module-style';
import { httpsRequestTaking, readHttpsRequest } from './node-https-site';
import { enclosingStatement, isNeverReassigned, isStringBody, readRequestCall } from './request-call-site';
import { findSesSigningTarget, mayBeOverridden, sesRegionExpression } from './ses-signing-target';
import type { SigningTarget } from './ses-signing-target';
import { findHeadersFunctionSite, functionName, returningFunction, soleCall } from './ses-headers-function';
import type { HeadersFunction } from './ses-headers-function';
import { readsSameAt } from './sign-headers-in-place';
import { entry, signingOptions, signRequestEdits } from './sign-request-call';
import type { SignRequestRewrite } from './sign-request-call';
import { headerName, isDroppedHeaderName, isLegacyAuthHeaderName, matchSigV3Authorization, sigV3Credentials } from './sigv3-authorization';

/** The SigV3 headers a function builds, and what signing at its call needs from them. */
interface HeadersSource {
  fn: HeadersFunction;
  /** The header entries SigV4 replaces (properties or assignment statements): they go. */
  dropped: Node[];
  /** The values of the headers that stay: one that is not visibly a string goes through String(). */
  keptValues: Node[];
  accessKey: Node;
  secret: Node;
}

/** `h.Name` or `h['Name']` on a variable: the variable and the header name. */
function headerMember(node: Node): { object: string; name: string } | undefined {
  if (Node.isPropertyAccessExpression(node) && Node.isIdentifier(node.getExpression())) return { object: node.getExpression().getText(), name: node.getName() };
  if (!Node.isElementAccessExpression(node) || !Node.isIdentifier(node.getExpression())) return undefined;
  const argument = node.getArgumentExpression();
  return isStringLike(argument) ? { object: node.getExpression().getText(), name: argument.getLiteralValue() } : undefined;
}

/** `h[name] = value;` as a statement of its own. */
function headerWrite(statement: Node): { object: string; name: string; value: Expression } | undefined {
  const expression = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
  const member = headerMember(expression.getLeft());
  return member && { ...member, value: expression.getRight() };
}

/** The `h['X-Amzn-Authorization'] = …;` statement a finding sits in, or whose value uses the template a finding declares. */
function authorizationStatement(node: Node): Statement | undefined {
  const isAuthWrite = (statement: Node | undefined) => statement !== undefined && isLegacyAuthHeaderName(headerWrite(statement)?.name ?? '');
  const direct = node.getFirstAncestorByKind(SyntaxKind.ExpressionStatement);
  if (isAuthWrite(direct)) return direct;
  const declaration = node.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const uses = declaration ? usesOfVariable(declaration) : [];
  const user = uses.length === 1 ? uses[0]!.getFirstAncestorByKind(SyntaxKind.ExpressionStatement) : undefined;
  return isAuthWrite(user) ? user : undefined;
}

/** `var headers = {…}; headers.Date = …; headers['X-Amzn-Authorization'] = …; return headers;` in a function of its own. */
function assignedHeadersSource(sourceFile: SourceFile, node: Node): HeadersSource | undefined {
  const statement = authorizationStatement(node);
  const block = statement?.getParent();
  const fn = block?.getParent();
  if (!statement || !Node.isBlock(block) || !(Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) || Node.isFunctionExpression(fn))) return undefined;
  const object = headerWrite(statement)!.object;
  const statements = block.getStatements();
  const last = statements[statements.length - 1];
  if (!Node.isReturnStatement(last) || last.getExpression()?.getText() !== object) return undefined;
  const declared = statements.flatMap((candidate) => (Node.isVariableStatement(candidate) ? candidate.getDeclarations() : [])).find((declaration) => declaration.getName() === object);
  const literal = declared?.getInitializer();
  if (!Node.isObjectLiteralExpression(literal)) manual(`'${object}' is not an object literal declared in ${functionName(fn as HeadersFunction)}()`);
  const writes = statements.filter((candidate) => headerWrite(candidate)?.object === object);
  const allowed = new Set<Node>([...writes, last, declared!]);
  const uses = usesOfVariable(declared!).filter((use) => declarationAt(sourceFile, use)?.node === declared);
  if (uses.some((use) => !use.getAncestors().some((ancestor) => allowed.has(ancestor)))) manual(`'${object}' is used for more than its headers in ${functionName(fn as HeadersFunction)}()`);
  const dropped = [...literal.getProperties().filter((property) => isDroppedHeaderName(headerName(sourceFile, property) ?? '')), ...writes.filter((write) => isDroppedHeaderName(headerWrite(write)!.name))];
  const keptValues = [
    ...literal.getProperties().flatMap((property) => (Node.isPropertyAssignment(property) && !dropped.includes(property) ? [property.getInitializerOrThrow()] : [])),
    ...writes.filter((write) => !dropped.includes(write)).map((write) => headerWrite(write)!.value),
  ];
  return { fn: fn as HeadersFunction, dropped, keptValues, ...sigV3Credentials(sourceFile, innermostExpression(headerWrite(statement)!.value)) };
}

/** Headers returned as an object literal by a function whose own signing (in place) is not possible. */
function returnedHeadersSource(context: CodemodContext, quote: string): HeadersSource | undefined {
  const { sourceFile } = context;
  const authorization = unlessManual(() => matchSigV3Authorization(sourceFile, context.node), () => undefined);
  const fn = authorization && returningFunction(authorization.headers);
  if (!authorization || !fn) return undefined;
  // Signed where the headers are built when that function sees the whole request: the in-place rewrite does it.
  if (unlessManual(() => findHeadersFunctionSite(sourceFile, authorization.headers, quote) !== undefined, () => false)) return undefined;
  const properties = authorization.headers.getProperties();
  const dropped = properties.filter((property) => isDroppedHeaderName(headerName(sourceFile, property) ?? ''));
  const keptValues = properties.flatMap((property) => (Node.isPropertyAssignment(property) && !dropped.includes(property) ? [property.getInitializerOrThrow()] : []));
  return { fn, dropped, keptValues, accessKey: authorization.accessKey, secret: authorization.secret };
}

/** What the request's `headers` option holds: the headers function's call, or a literal that spreads it (`{ ...authHeaders(), … }`). */
interface SentHeaders {
  call: CallExpression;
  /** The expression signed in place of the `headers` option's value. */
  headers: Node;
  request: CallExpression;
  options: ObjectLiteralExpression;
}

/** `{ ...call, 'Content-Type': … }` as a `headers` value: that literal, whose headers are all signed. */
function spreadingLiteral(call: CallExpression): ObjectLiteralExpression | undefined {
  const spread = call.getParent();
  const literal = spread?.getParent();
  return Node.isSpreadAssignment(spread) && Node.isObjectLiteralExpression(literal) && Node.isPropertyAssignment(literal.getParent()) ? literal : undefined;
}

/** The request call whose `headers` option is the headers function's one call, or a literal spreading it. */
function requestTakingHeaders(sourceFile: SourceFile, source: HeadersSource): SentHeaders {
  const name = functionName(source.fn);
  const call = soleCall(sourceFile, source.fn, { exported: true });
  if (!call) manual(`${name}() is called in several places, so the request its headers go with is not visible`);
  const headers = spreadingLiteral(call) ?? call;
  const property = headers.getParent();
  const options = property?.getParent();
  const request = options?.getParent();
  if (!Node.isPropertyAssignment(property) || propertyName(property) !== 'headers' || !Node.isObjectLiteralExpression(options) || !Node.isCallExpression(request)) {
    const sender = Node.isCallExpression(property) ? `${property.getExpression().getText()}()` : 'other code';
    manual(`the headers from ${call.getText()} are sent by ${sender}, which does not see the access key and secret: pass them there and sign with signRequest`);
  }
  return { call, headers, request, options };
}

/** The argument the call passes for `fn`'s parameter `index`, when it is a plain variable or property. */
function plainArgument(call: CallExpression, index: number): Node | undefined {
  const argument = index >= 0 ? call.getArguments()[index] : undefined;
  return argument && isPlainReference(argument) ? innermostExpression(argument) : undefined;
}

/**
 * A credential the headers function reads from a parameter, as the request's site reads it: the
 * argument passed (`key`), or its property for a destructured one (`{ accessKeyId }` → `credentials.accessKeyId`).
 */
function credentialThroughCall(sourceFile: SourceFile, fn: HeadersFunction, call: CallExpression, node: Node): { text: string; reads: Node } | undefined {
  let root = innermostExpression(node);
  while (Node.isPropertyAccessExpression(root)) root = innermostExpression(root.getExpression());
  const declaration = Node.isIdentifier(root) ? declarationAt(sourceFile, root)?.node : undefined;
  const parameters: Node[] = fn.getParameters();
  if (Node.isParameterDeclaration(declaration) && !declaration.hasInitializer()) {
    // `credentials.accessKeyId` on a parameter reads the same property of the argument passed.
    const argument = plainArgument(call, parameters.indexOf(declaration));
    return argument && { text: argument.getText() + node.getText().slice(root.getEnd() - node.getStart()), reads: argument };
  }
  if (root !== node) return undefined;
  const pattern = declaration?.getParent();
  const parameter = pattern?.getParent();
  if (!Node.isBindingElement(declaration) || declaration.hasInitializer() || declaration.getDotDotDotToken() || !Node.isObjectBindingPattern(pattern) || !Node.isParameterDeclaration(parameter)) return undefined;
  const argument = plainArgument(call, parameters.indexOf(parameter));
  const property = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
  return argument && /^[A-Za-z_$][\w$]*$/.test(property) ? { text: `${argument.getText()}.${property}`, reads: argument } : undefined;
}

/** The access key and secret as written where the request is sent: the same names, or the arguments the headers function was given. */
function credentialsAtRequest(sourceFile: SourceFile, source: HeadersSource, sent: SentHeaders): { accessKey: Node | string; secret: Node | string; reads: Node[] } {
  const [accessKey, secret] = [source.accessKey, source.secret].map((node) => {
    const passed = credentialThroughCall(sourceFile, source.fn, sent.call, node);
    if (!passed && readsSameAt(sourceFile, node, sent.request)) return { text: node, reads: node };
    if (!passed || !readsSameAt(sourceFile, passed.reads, sent.request)) manual(`'${node.getText()}' (part of the credentials) is not visible where ${sent.request.getExpression().getText()}() sends the request`);
    return passed;
  }) as [{ text: Node | string; reads: Node }, { text: Node | string; reads: Node }];
  return { accessKey: accessKey.text, secret: secret.text, reads: [accessKey.reads, secret.reads] };
}

/** Removes a property with its comma; one on a line of its own goes with its line and its trailing comment. */
function propertyRemoval(sourceFile: SourceFile, property: Node): TextEdit {
  const text = sourceFile.getFullText();
  const lineStart = text.lastIndexOf('\n', property.getStart() - 1) + 1;
  const rest = /^[ \t]*,?[ \t]*(?:\/\/[^\n]*)?\r?\n/.exec(text.slice(property.getEnd()));
  if (!/^[ \t]*$/.test(text.slice(lineStart, property.getStart())) || !rest) return listElementRemoval(sourceFile, property);
  return { filePath: sourceFile.getFilePath(), start: lineStart, end: property.getEnd() + rest[0].length, text: '' };
}

/** The edits inside the headers function: the SigV3 headers go, a kept value that is not visibly a string goes through String(). */
function headersFunctionEdits(sourceFile: SourceFile, source: HeadersSource): TextEdit[] {
  const filePath = sourceFile.getFilePath();
  const literal = source.dropped.find((node) => Node.isObjectLiteralExpression(node.getParent()))?.getParent() as ObjectLiteralExpression | undefined;
  const emptied = literal !== undefined && literal.getProperties().every((property) => source.dropped.includes(property));
  const properties = source.dropped.filter((node) => !Node.isExpressionStatement(node));
  const removals = [
    ...source.dropped.filter(Node.isExpressionStatement).map((node) => statementRemoval(sourceFile, node)),
    // A literal left with no header at all becomes `{}`, not braces around blank lines.
    ...(emptied ? [{ filePath, start: literal.getStart(), end: literal.getEnd(), text: '{}' }] : properties.map((node) => propertyRemoval(sourceFile, node))),
  ];
  const wrapped = source.keptValues.filter((value) => !isStringBody(sourceFile, value)).map((value): TextEdit => ({ filePath, start: value.getStart(), end: value.getEnd(), text: `String(${value.getText()})` }));
  return [...removals, ...wrapped];
}

/** The region to sign for: the host's own region label when the endpoint may be overridden. */
function signingTarget(sourceFile: SourceFile, url: Node, urlText: string, site: Node, quote: string): SigningTarget {
  const found = findSesSigningTarget(sourceFile, url, site, quote);
  const overridden = found.service === 'ses' && found.region.startsWith(quote) && mayBeOverridden(sourceFile, url);
  return overridden ? { ...found, region: sesRegionExpression(urlText, found.region) } : found;
}

/** The edits at the send site, what they read, and the region they sign for (a name stays declared). */
interface SendSiteEdits {
  edits: TextEdit[];
  reads: Node[];
  region: string;
}

/** The credentials as the send site writes them, and the region it signs for. */
type SendSiteSigning = Pick<SignRequestRewrite, 'accessKey' | 'secret'>;

/** A node:https request: the headers call (or the literal spreading it) becomes `signRequest({ … headers: this.headers(), body }, …).headers` in place. */
function httpsSendSiteEdits(sourceFile: SourceFile, sent: SentHeaders, https: CallExpression, credentials: SendSiteSigning, style: CodeStyle, signRequest: string): SendSiteEdits {
  const { call, headers } = sent;
  const site = readHttpsRequest(https, sent.options, style.quote);
  const body = site.body && innermostExpression(site.body);
  if (body && (!Node.isIdentifier(body) || !isNeverReassigned(sourceFile, body) || !readsSameAt(sourceFile, body, call))) {
    manual(`the body '${site.body!.getText()}' is not a variable set before the request, so it cannot be signed where the request is made`);
  }
  const target = signingTarget(sourceFile, site.host, site.host.getText(), call, style.quote);
  const request = [entry('method', site.method), entry('url', site.url), `headers: ${headers.getText()}`, ...(body ? [entry('body', body.getText())] : [])].join(', ');
  const text = `${signRequest}({ ${request} }, ${signingOptions(sourceFile, { ...credentials, target }, style.quote)}).headers`;
  return { edits: [{ filePath: sourceFile.getFilePath(), start: headers.getStart(), end: headers.getEnd(), text }], reads: [...site.reads, ...(body ? [body] : [])], region: target.region };
}

/** A fetch, axios or request-package call: signed right before its statement, sending the signed URL and headers. */
function requestSendSiteEdits(sourceFile: SourceFile, sent: SentHeaders, credentials: SendSiteSigning, style: CodeStyle, signRequest: string): SendSiteEdits {
  const { headers, request } = sent;
  const parts = readRequestCall(sourceFile, request, sent.options, style.quote);
  const statement = enclosingStatement(request);
  const target = signingTarget(sourceFile, parts.url, parts.url.getText(), statement, style.quote);
  const site = { ...parts, call: request, headersProperty: headers.getParentOrThrow() };
  const edits = signRequestEdits(sourceFile, { signRequest, site, statement, headers, headersText: headers.getText(), keptHeaders: [], ...credentials, target }, style);
  return { edits, reads: [parts.url, ...(parts.body ? [parts.body] : [])], region: target.region };
}

/**
 * The SigV3 headers of a headers function signed where its request is sent. Undefined when the
 * finding is not in such a function, or when the function can sign its headers itself.
 */
export function rewriteSigV3AtSendSite(context: CodemodContext, style: CodeStyle): CodemodOutcome | undefined {
  const { sourceFile } = context;
  const source = assignedHeadersSource(sourceFile, context.node) ?? returnedHeadersSource(context, style.quote);
  if (!source) return undefined;
  const sent = requestTakingHeaders(sourceFile, source);
  const { reads: credentialReads, ...credentials } = credentialsAtRequest(sourceFile, source, sent);
  const signRequest = context.helper.use(sourceFile, 'signRequest');
  const https = httpsRequestTaking(sourceFile, sent.options);
  const edited = https ? httpsSendSiteEdits(sourceFile, sent, https, credentials, style, signRequest) : requestSendSiteEdits(sourceFile, sent, credentials, style, signRequest);
  const dropped = source.dropped.map((node): RemovedRange => [node.getStart(), node.getEnd()]);
  const live = new Set(namesRead([...edited.reads, ...credentialReads, source.accessKey, source.secret, sent.headers, ...source.keptValues]));
  if (/^\w+!?$/.test(edited.region)) live.add(edited.region.replace(/!$/, ''));
  const edits = [...edited.edits, ...headersFunctionEdits(sourceFile, source), ...removeDeadSigningCode(sourceFile, dropped, live, sent.request)];
  return { kind: 'fixed', edits, note: `signs the request with Signature Version 4 through ${signRequest}() where it is sent` };
}
