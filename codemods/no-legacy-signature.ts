// Codemod for sigv4/no-legacy-signature: legacy aws-sdk v2 `signatureVersion` → 'v4', dead SDK v3
// signing options removed, and hand-built SES SigV3 (`X-Amzn-Authorization: AWS3-HTTPS …`) sent
// with fetch or axios rewritten to the helper's `signRequest`; the rest is listed with what to do.
import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { CallExpression, Expression, Identifier, ObjectLiteralExpression, SourceFile, Statement } from 'ts-morph';
import { detectCodeStyle } from './utils/module-style';
import { adoptRuleFix, adoptRuleSuggestion } from './utils/rule-fixes';
import type { Codemod, CodemodContext, CodemodOutcome, TextEdit } from './types';

const LEGACY_VERSIONS = new Set(['v2', 'v3', 'v3https', 's3']);
const LEGACY_AUTH_HEADER = /^x-amzn-authorization$/i;
const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);

/** Calls that compute a value and nothing else: a declaration made only of them can go once unused. */
const SIDE_EFFECT_FREE_CALLS = new Set([
  'createHmac', 'createHash', 'update', 'digest', 'toUTCString', 'toGMTString', 'toISOString', 'getTime', 'now',
  'toString', 'replace', 'slice', 'substring', 'encodeURIComponent', 'String', 'from', 'join',
]);

class ManualWork extends Error {}

/** Stops the rewrite with a to-do: thrown deep in the matchers, turned into a manual outcome at the top. */
function manual(reason: string): never {
  throw new ManualWork(reason);
}

// ---------------------------------------------------------------------------------------------
// Small syntax helpers

function unwrap(node: Node): Node {
  let current = node;
  while (Node.isParenthesizedExpression(current) || Node.isAsExpression(current) || Node.isSatisfiesExpression(current) || Node.isNonNullExpression(current)) {
    current = current.getExpression();
  }
  return current;
}

function isStringLike(node: Node): boolean {
  return Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node);
}

/** The static name of an object property (`a`, `'a'`, `['a']`), if it has one. */
function propertyName(property: Node): string | undefined {
  if (Node.isShorthandPropertyAssignment(property)) return property.getName();
  if (!Node.isPropertyAssignment(property)) return undefined;
  const name = property.getNameNode();
  if (Node.isIdentifier(name) || Node.isNumericLiteral(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
  if (Node.isComputedPropertyName(name)) {
    const expression = name.getExpression();
    return isStringLike(expression) ? (expression as unknown as { getLiteralValue(): string }).getLiteralValue() : undefined;
  }
  return undefined;
}

function findProperty(object: ObjectLiteralExpression, name: string): Node | undefined {
  return object.getProperties().find((property) => propertyName(property) === name);
}

/** True when the identifier is a read of a binding (not a property name, key or member name). */
function isReference(identifier: Identifier): boolean {
  const parent = identifier.getParent();
  if (!parent) return false;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) return false;
  if ((Node.isPropertyAssignment(parent) || Node.isPropertySignature(parent) || Node.isMethodDeclaration(parent) || Node.isPropertyDeclaration(parent)) && parent.getNameNode() === identifier) return false;
  if (Node.isBindingElement(parent) && parent.getPropertyNameNode() === identifier) return false;
  if (Node.isImportSpecifier(parent) && parent.getAliasNode() && parent.getNameNode() === identifier) return false;
  return true;
}

/** Every identifier in the file that names `name` as a binding (declarations included). */
function bindingOccurrences(sourceFile: SourceFile, name: string): Identifier[] {
  return sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getText() === name && isReference(identifier));
}

type Declaration = { name: Identifier; node: Node };

/** Every declaration of `name` in the file (variable, parameter, binding element, function, import). */
function declarationsOf(sourceFile: SourceFile, name: string): Declaration[] {
  return bindingOccurrences(sourceFile, name).flatMap((identifier): Declaration[] => {
    const parent = identifier.getParentOrThrow();
    const declares =
      ((Node.isVariableDeclaration(parent) || Node.isParameterDeclaration(parent) || Node.isBindingElement(parent) || Node.isFunctionDeclaration(parent)) && parent.getNameNode() === identifier) ||
      Node.isImportSpecifier(parent) || Node.isImportClause(parent) || Node.isNamespaceImport(parent) || Node.isImportEqualsDeclaration(parent);
    return declares ? [{ name: identifier, node: parent }] : [];
  });
}

/** The only declaration of `name` in the file, if there is exactly one. */
function uniqueDeclaration(sourceFile: SourceFile, name: string): Declaration | undefined {
  const declarations = declarationsOf(sourceFile, name);
  return declarations.length === 1 ? declarations[0] : undefined;
}

/** The initializer of the file's only `const name = …`, if there is one. */
function constInitializer(sourceFile: SourceFile, name: string): Expression | undefined {
  const declaration = uniqueDeclaration(sourceFile, name)?.node;
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  if (declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
  return declaration.getInitializer();
}

/** The block (or file) whose code sees a declaration. */
function scopeOfDeclaration(declaration: Node): Node | undefined {
  if (Node.isParameterDeclaration(declaration)) return declaration.getParent();
  return declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor) || Node.isModuleBlock(ancestor) || Node.isCaseClause(ancestor));
}

/** The declaration `name` refers to at `site` (innermost scope first); 'global' when the file declares none in scope. */
function bindingAt(sourceFile: SourceFile, name: string, site: Node): Declaration | 'global' | undefined {
  const declarations = declarationsOf(sourceFile, name);
  for (const ancestor of site.getAncestors()) {
    const here = declarations.filter((declaration) => scopeOfDeclaration(declaration.node) === ancestor);
    if (here.length > 0) return here.length === 1 ? here[0] : undefined;
  }
  return 'global';
}

/**
 * True when `name` written at `site` means what it means at `origin` (where the hand-rolled code
 * used it): the same declaration, made before `site` so a statement inserted there never reads it
 * in its temporal dead zone; or (with `allowGlobal`) the same global.
 */
function isVisibleAt(sourceFile: SourceFile, name: string, site: Node, options: { origin?: Node; allowGlobal?: boolean } = {}): boolean {
  const binding = bindingAt(sourceFile, name, site);
  if (binding === undefined) return false;
  if (options.origin) {
    const atOrigin = bindingAt(sourceFile, name, options.origin);
    const same = atOrigin === binding || (atOrigin !== undefined && atOrigin !== 'global' && binding !== 'global' && atOrigin.node === binding.node);
    if (!same) return false;
  }
  if (binding === 'global') return options.allowGlobal === true;
  return binding.name.getEnd() <= site.getStart();
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** One level of indentation: what the statement adds to its block's line, else the file's first indented line. */
function indentUnit(text: string, statement: Node): string {
  const own = indentOf(text, statement.getStart());
  const block = statement.getParent();
  if (own && block && !Node.isSourceFile(block)) {
    const outer = indentOf(text, block.getStart());
    if (own.startsWith(outer) && own.length > outer.length) return own.slice(outer.length);
  }
  const first = /\n([ \t]+)\S/.exec(text)?.[1];
  return first?.startsWith('\t') ? '\t' : first && first.length >= 4 && first.length % 4 === 0 ? '    ' : '  ';
}

/**
 * Removes a whole statement. The range starts at the line break before it and ends where the
 * statement ends, so an insertion just after the statement (the helper import, which goes after
 * the last import) never overlaps it.
 */
function statementRemoval(sourceFile: SourceFile, statement: Node): TextEdit {
  const text = sourceFile.getFullText();
  const start = statement.getStart();
  const end = statement.getEnd();
  const lineBreak = /\r?\n|$/.exec(text.slice(end))!;
  const lineEnd = end + lineBreak.index;
  const restOfLine = text.slice(end, lineEnd);
  const previousBreak = text.lastIndexOf('\n', start - 1);
  const startsLine = /^[ \t]*$/.test(text.slice(previousBreak + 1, start));
  // A trailing comment on the same line belongs to the removed statement.
  const removedEnd = /^[ \t]*\/\/.*$/.test(restOfLine) ? lineEnd : end;
  if (startsLine && previousBreak >= 0) {
    const breakStart = text[previousBreak - 1] === '\r' ? previousBreak - 1 : previousBreak;
    return { filePath: sourceFile.getFilePath(), start: breakStart, end: removedEnd, text: '' };
  }
  // The file's first line: its line break stays when something may be inserted right after it.
  return { filePath: sourceFile.getFilePath(), start, end: removedEnd, text: '' };
}

/** Whether multi-line literals in the file end with a comma (the majority habit; yes when none). */
function usesTrailingCommas(text: string): boolean {
  const withComma = text.match(/,[ \t]*\r?\n[ \t]*[}\]]/g)?.length ?? 0;
  const withoutComma = text.match(/[^,\s{[(][ \t]*\r?\n[ \t]*[}\]]/g)?.length ?? 0;
  return withComma >= withoutComma;
}

/** The first candidate no binding in the file uses (property names do not count: they never clash). */
function freeName(sourceFile: SourceFile, candidates: string[]): string {
  const taken = new Set(sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).filter(isReference).map((identifier) => identifier.getText()));
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (free) return free;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${candidates[0]}${suffix}`)) return `${candidates[0]}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// signatureVersion in aws-sdk v2 configs

/** The node holding the legacy value of a reported `signatureVersion` property or assignment. */
function signatureVersionValue(reported: Node): Node | undefined {
  const node = [reported, ...reported.getAncestors()].find((candidate) =>
    Node.isPropertyAssignment(candidate) || Node.isShorthandPropertyAssignment(candidate) || Node.isBinaryExpression(candidate));
  if (Node.isPropertyAssignment(node)) return unwrap(node.getInitializerOrThrow());
  if (Node.isShorthandPropertyAssignment(node)) return node.getNameNode();
  if (Node.isBinaryExpression(node)) return unwrap(node.getRight());
  return undefined;
}

/**
 * `const SIG = 'v2'; new AWS.S3({ signatureVersion: SIG })`: when the config is the variable's only
 * use, the variable's value becomes 'v4' (the code keeps its shape and no dead variable is left).
 */
function rewriteSignatureVersionVariable(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const value = signatureVersionValue(context.node);
  if (!value || !Node.isIdentifier(value)) {
    return { kind: 'manual', todo: `${context.finding.message} Set signatureVersion: 'v4' on this client.` };
  }
  const name = value.getText();
  const initializer = constInitializer(sourceFile, name);
  const uses = bindingOccurrences(sourceFile, name).length - 1;
  if (!initializer || !isStringLike(initializer) || !LEGACY_VERSIONS.has((initializer as unknown as { getLiteralValue(): string }).getLiteralValue())) {
    return { kind: 'manual', todo: `Set signatureVersion: 'v4' here: '${name}' holds a legacy signature version that this codemod cannot trace to one literal.` };
  }
  const declaration = initializer.getParentOrThrow();
  if (uses !== 1 || (Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.isExported())) {
    return {
      kind: 'manual',
      todo: `Set signatureVersion: 'v4' on this client: '${name}' (line ${initializer.getStartLineNumber()}) is also used elsewhere, so its value was not changed; check whether those uses need 'v4' too.`,
    };
  }
  const quote = initializer.getText().charAt(0);
  return { kind: 'fixed', edits: [{ filePath: sourceFile.getFilePath(), start: initializer.getStart(), end: initializer.getEnd(), text: `${quote}v4${quote}` }] };
}

function legacySignatureVersion(context: CodemodContext): CodemodOutcome {
  return adoptRuleFix(context) ?? rewriteSignatureVersionVariable(context);
}

function customEndpointTodo(context: CodemodContext): CodemodOutcome {
  const object = context.node.getFirstAncestorByKind(SyntaxKind.ObjectLiteralExpression);
  const endpoint = object && findProperty(object, 'endpoint');
  const where = endpoint ? ` (endpoint: ${endpoint.getText().replace(/^endpoint\s*:\s*/, '')})` : '';
  return {
    kind: 'manual',
    todo: `This aws-sdk v2 client signs with a legacy signatureVersion and talks to a server that is not visibly AWS${where}. An S3-compatible server (MinIO, Ceph RGW, an appliance) may need SigV2 on purpose: if the server is AWS or supports SigV4, set signatureVersion: 'v4'; otherwise keep it and add \`// eslint-disable-next-line sigv4/no-legacy-signature -- <server> needs SigV2\`.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Hand-built SigV3 (`X-Amzn-Authorization: AWS3-HTTPS …`) → signRequest

/** A string expression cut into literal text and the expressions spliced into it. */
type StringPart = { text: string } | { expression: Node };

function stringParts(node: Node): StringPart[] | undefined {
  const expression = unwrap(node);
  if (isStringLike(expression)) return [{ text: (expression as unknown as { getLiteralValue(): string }).getLiteralValue() }];
  if (Node.isTemplateExpression(expression)) {
    const parts: StringPart[] = [{ text: expression.getHead().getLiteralText() }];
    for (const span of expression.getTemplateSpans()) parts.push({ expression: span.getExpression() }, { text: span.getLiteral().getLiteralText() });
    return parts;
  }
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = stringParts(expression.getLeft());
    const right = stringParts(expression.getRight()) ?? [{ expression: expression.getRight() }];
    return left && [...left, ...right];
  }
  return undefined;
}

/** The expression spliced right after the literal text ending with `marker` (`AWSAccessKeyId=`, `Signature=`). */
function expressionAfter(parts: StringPart[], marker: string): Node | undefined {
  const index = parts.findIndex((part) => 'text' in part && part.text.trimEnd().endsWith(marker));
  const next = parts[index + 1];
  return index >= 0 && next && 'expression' in next ? next.expression : undefined;
}

/** A value that reads the same wherever it is written: a name, `this.x`, `process.env.X`, `a.b.c`. */
function isPlainReference(node: Node): boolean {
  const expression = unwrap(node);
  if (Node.isIdentifier(expression) || Node.isThisExpression(expression) || isStringLike(expression)) return true;
  return Node.isPropertyAccessExpression(expression) && isPlainReference(expression.getExpression());
}

/** The names an expression reads (not its property names). */
function readIdentifiers(node: Node): Identifier[] {
  const identifiers = Node.isIdentifier(node) ? [node] : node.getDescendantsOfKind(SyntaxKind.Identifier);
  return identifiers.filter(isReference);
}

function rootIdentifiers(node: Node): string[] {
  return readIdentifiers(node).map((identifier) => identifier.getText());
}

/** `createHmac(…)`, `crypto.createHmac(…)`, or an alias imported as `{ createHmac as hmac }`. */
function isCreateHmacCall(sourceFile: SourceFile, node: Node): boolean {
  if (!Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  if (Node.isPropertyAccessExpression(callee)) return callee.getName() === 'createHmac';
  if (!Node.isIdentifier(callee)) return false;
  if (callee.getText() === 'createHmac') return true;
  const declaration = uniqueDeclaration(sourceFile, callee.getText())?.node;
  if (Node.isImportSpecifier(declaration)) return declaration.getName() === 'createHmac';
  return Node.isBindingElement(declaration) && declaration.getPropertyNameNode()?.getText() === 'createHmac';
}

/** The secret access key: the key of the HMAC that computes the SigV3 signature. */
function findSecretKey(sourceFile: SourceFile, signature: Node): Node {
  const unwrapped = unwrap(signature);
  const computation = Node.isIdentifier(unwrapped) ? constInitializer(sourceFile, unwrapped.getText()) : unwrapped;
  if (!computation) manual(`the signature '${signature.getText()}' is not a const computed in this file, so the secret access key is not visible`);
  const hmac = [computation, ...computation.getDescendants()].find((node): node is CallExpression => Node.isCallExpression(node) && isCreateHmacCall(sourceFile, node));
  const key = hmac?.getArguments()[1];
  if (!key) manual('no createHmac(…, secretAccessKey) call computes the signature, so the secret access key is not visible');
  if (!isPlainReference(key)) manual(`the HMAC key '${key.getText()}' is not a plain variable or property`);
  return key;
}

/** The AWS3 string expression assigned to the X-Amzn-Authorization header (through one const if needed). */
function authorizationValue(sourceFile: SourceFile, header: Node): Node {
  if (Node.isShorthandPropertyAssignment(header)) manual('the X-Amzn-Authorization value is a shorthand property');
  if (!Node.isPropertyAssignment(header)) manual('the X-Amzn-Authorization header is not a plain property');
  const value = unwrap(header.getInitializerOrThrow());
  if (Node.isIdentifier(value)) {
    const initializer = constInitializer(sourceFile, value.getText());
    if (!initializer) manual(`'${value.getText()}' (the X-Amzn-Authorization value) is not a const in this file`);
    return initializer;
  }
  return value;
}

/** The headers object literal a finding belongs to: the header key's object, or where the AWS3 string is used. */
function findHeadersObject(context: CodemodContext): ObjectLiteralExpression {
  const { node, sourceFile } = context;
  const isAuthProperty = (candidate: Node) => propertyName(candidate) !== undefined && LEGACY_AUTH_HEADER.test(propertyName(candidate)!);
  const property = node.getFirstAncestor(isAuthProperty) ?? (isAuthProperty(node) ? node : undefined);
  if (property) return property.getParentIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  // The AWS3 string built in a const and used as the header value.
  const declaration = node.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  if (declaration && declaration.getInitializer() && unwrap(declaration.getInitializer()!) === unwrap(node)) {
    const name = declaration.getName();
    const uses = bindingOccurrences(sourceFile, name).filter((identifier) => identifier !== declaration.getNameNode());
    const use = uses.length === 1 ? uses[0]!.getParentOrThrow() : undefined;
    if (use && Node.isPropertyAssignment(use) && isAuthProperty(use)) return use.getParentIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  }
  manual('the AWS3 signature is not set as an X-Amzn-Authorization property of a headers object literal');
}

interface RequestSite {
  call: CallExpression;
  /** The URL argument: what is signed, then replaced by the signed URL. */
  url: Node;
  /** Source text of the HTTP method. */
  method: string;
  body?: Node;
  /** The `headers` property of the options (inline object or shorthand of a const). */
  headersProperty: Node;
  /** The `const headers = {…}` statement when the headers come through a shorthand. */
  headersStatement?: Statement;
}

/** The `headers` property holding `headers`, directly or as the shorthand of a single-use const. */
function findHeadersProperty(sourceFile: SourceFile, headers: ObjectLiteralExpression): { property: Node; statement?: Statement } {
  const parent = headers.getParentOrThrow();
  if (Node.isPropertyAssignment(parent) && propertyName(parent) === 'headers') return { property: parent };
  if (!Node.isVariableDeclaration(parent) || parent.getVariableStatement()?.getDeclarations().length !== 1) {
    manual('the headers object is not the `headers` option of a request call');
  }
  const uses = bindingOccurrences(sourceFile, parent.getName()).filter((identifier) => identifier !== parent.getNameNode());
  const use = uses.length === 1 ? uses[0]!.getParentOrThrow() : undefined;
  if (!use || !Node.isShorthandPropertyAssignment(use) || use.getName() !== 'headers') {
    manual(`the headers object '${parent.getName()}' is not used once, as \`headers\` of a request call`);
  }
  return { property: use, statement: parent.getVariableStatementOrThrow() };
}

const AXIOS_METHODS_WITH_BODY = new Set(['post', 'put', 'patch']);
const AXIOS_METHODS_WITHOUT_BODY = new Set(['get', 'delete', 'head', 'options']);

/** True for the default export of 'axios' (`import axios from 'axios'`, `const axios = require('axios')`): no baseURL or interceptors of an instance. */
function isAxiosModule(sourceFile: SourceFile, node: Node): boolean {
  if (!Node.isIdentifier(node)) return false;
  const declaration = uniqueDeclaration(sourceFile, node.getText())?.node;
  if (Node.isImportClause(declaration)) return declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue() === 'axios';
  if (!Node.isVariableDeclaration(declaration)) return false;
  const initializer = declaration.getInitializer();
  return initializer !== undefined && /^require\((['"])axios\1\)$/.test(initializer.getText());
}

/** A method that can be written twice (in the signing call and the request), and a body that is a string, written once. */
function checkedRequestParts(sourceFile: SourceFile, method: Node | undefined, body: Node | undefined): void {
  if (method && !isPlainReference(method)) manual(`the method '${method.getText()}' is not a literal or a variable`);
  if (body && !isPlainReference(body) && body.getText().includes('\n')) manual('the body is an expression over several lines: put it in a const first, so it is evaluated once for signing and sending');
  if (body && !isStringBody(sourceFile, body)) manual(`the body '${body.getText()}' is not visibly a string (signRequest signs strings and bytes): call .toString() on it`);
}

function propertyValue(property: Node | undefined): Node | undefined {
  if (!property) return undefined;
  return Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : undefined;
}

/**
 * The request the headers go with: `fetch(url, { method, headers, body })`, or axios's
 * `axios.post(url, body, { headers })` / `axios.get(url, { headers })`.
 */
function findRequestSite(sourceFile: SourceFile, headers: ObjectLiteralExpression, quote: string): RequestSite {
  const { property: headersProperty, statement: headersStatement } = findHeadersProperty(sourceFile, headers);
  const options = headersProperty.getParentOrThrow();
  const call = options.getParentOrThrow();
  if (!Node.isObjectLiteralExpression(options) || !Node.isCallExpression(call)) manual('the headers are not passed inline to the request call');
  if (options.getProperties().some((property) => Node.isSpreadAssignment(property))) manual('the request options contain a spread');
  if (headersStatement && headersStatement.getEnd() > call.getStart()) manual('the headers object is declared after the request call');
  const [url, second] = call.getArguments();
  if (!url) manual('the request is sent without a URL');
  const callee = call.getExpression();
  const site = { call, url, headersProperty, headersStatement };
  if ((Node.isIdentifier(callee) && callee.getText() === 'fetch') || callee.getText() === 'globalThis.fetch') {
    if (second !== options) manual('the headers are not in the options argument of fetch(url, { headers })');
    const method = propertyValue(findProperty(options, 'method'));
    const body = propertyValue(findProperty(options, 'body'));
    checkedRequestParts(sourceFile, method, body);
    return { ...site, method: method ? method.getText() : `${quote}GET${quote}`, body };
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
    checkedRequestParts(sourceFile, undefined, body);
    return { ...site, method: `${quote}${name.toUpperCase()}${quote}`, body };
  }
  manual(`the request is sent with ${callee.getText()}(), which this codemod does not rewrite (it rewrites fetch and axios)`);
}

/** The statement that evaluates the call unconditionally, in the same function, or a reason why not. */
function enclosingStatement(call: CallExpression): Statement {
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

const RUN_TIME = '\0';
const SES_HOST = /email(?:-fips)?\.[^./]+\.amazonaws\.com/;
const SES_HOST_REGION = /email(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com/;
const MAX_ALTERNATIVES = 16;

function envMarker(name: string): string {
  return `\u0002${name}\u0002`;
}

/**
 * The strings a URL expression can be, read through the file's consts, `??`/`||` and string
 * building: run-time parts become `\0`, `process.env.X` becomes a marker naming X.
 */
function urlAlternatives(sourceFile: SourceFile, node: Node, depth = 0): string[] {
  const expression = unwrap(node);
  if (depth > 4) return [RUN_TIME];
  const parts = stringParts(expression);
  if (parts) {
    let results = [''];
    for (const part of parts) {
      const options = 'text' in part ? [part.text] : urlAlternatives(sourceFile, part.expression, depth + 1);
      results = results.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, MAX_ALTERNATIVES);
    }
    return results;
  }
  if (Node.isBinaryExpression(expression) && ['??', '||'].includes(expression.getOperatorToken().getText())) {
    return [...urlAlternatives(sourceFile, expression.getLeft(), depth + 1), ...urlAlternatives(sourceFile, expression.getRight(), depth + 1)].slice(0, MAX_ALTERNATIVES);
  }
  if (Node.isPropertyAccessExpression(expression) && expression.getExpression().getText() === 'process.env') return [envMarker(expression.getName())];
  if (Node.isIdentifier(expression)) {
    const initializer = constInitializer(sourceFile, expression.getText());
    if (initializer) return urlAlternatives(sourceFile, initializer, depth + 1);
  }
  return [RUN_TIME];
}

/** The expression spliced as the region label of an `email.<region>.amazonaws.com` host, read through consts. */
function splicedSesRegion(sourceFile: SourceFile, node: Node, depth = 0): Node | undefined {
  const expression = unwrap(node);
  if (depth > 4) return undefined;
  const parts = stringParts(expression);
  if (parts) {
    for (const [index, part] of parts.entries()) {
      if (!('expression' in part)) continue;
      const before = parts[index - 1];
      const after = parts[index + 1];
      if (before && 'text' in before && /email(?:-fips)?\.$/.test(before.text) && after && 'text' in after && after.text.startsWith('.amazonaws.com')) return part.expression;
      const inner = splicedSesRegion(sourceFile, part.expression, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  }
  if (Node.isBinaryExpression(expression) && ['??', '||'].includes(expression.getOperatorToken().getText())) {
    return splicedSesRegion(sourceFile, expression.getLeft(), depth + 1) ?? splicedSesRegion(sourceFile, expression.getRight(), depth + 1);
  }
  const initializer = Node.isIdentifier(expression) ? constInitializer(sourceFile, expression.getText()) : undefined;
  return initializer && splicedSesRegion(sourceFile, initializer, depth + 1);
}

interface SigningTarget {
  service: string;
  /** Source text of the region expression (a literal in the file's quotes, or a name). */
  region: string;
}

function findSigningTarget(context: CodemodContext, url: Node, site: Node, quote: string): SigningTarget {
  const { sourceFile } = context;
  const alternatives = urlAlternatives(sourceFile, url);
  const isSes = alternatives.some((alternative) => SES_HOST.test(alternative) || alternative.includes(envMarker('AWS_ENDPOINT_URL_SES')));
  if (!isSes) manual('the endpoint is not visibly SES (an email.<region>.amazonaws.com host or AWS_ENDPOINT_URL_SES), so the service to sign for is unknown');
  // `https://email.${region}.amazonaws.com`: the spliced name is the region.
  const spliced = splicedSesRegion(sourceFile, url);
  if (spliced && Node.isIdentifier(spliced) && isVisibleAt(sourceFile, spliced.getText(), site, { origin: spliced })) return { service: 'ses', region: definiteText(sourceFile, spliced) };
  const literalRegions = new Set(alternatives.flatMap((alternative) => SES_HOST_REGION.exec(alternative)?.[1] ?? []));
  // With an endpoint override (`AWS_ENDPOINT_URL_SES ?? 'https://email.us-east-1…'`) the host's
  // region is only the default: a `region` variable, when there is one, says where it really goes.
  const regionVariable = isVisibleAt(sourceFile, 'region', site);
  const [onlyRegion] = literalRegions;
  if (onlyRegion && literalRegions.size === 1 && (alternatives.length === 1 || !regionVariable)) {
    return { service: 'ses', region: `${quote}${onlyRegion}${quote}` };
  }
  if (regionVariable) return { service: 'ses', region: 'region' };
  manual('no region is visible at the call (neither a `region` variable nor an email.<region>.amazonaws.com host)');
}

/** Calls whose result is a string whatever they are called on. */
const STRING_RESULT_CALLS = new Set([
  'toString', 'stringify', 'String', 'join', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase',
  'replace', 'replaceAll', 'substring', 'normalize', 'padStart', 'padEnd', 'encodeURIComponent',
]);

/** True when the body is visibly a string (what signRequest hashes and fetch sends unchanged). */
function isStringBody(sourceFile: SourceFile, body: Node): boolean {
  const expression = unwrap(body);
  if (stringParts(expression)) return true;
  if (Node.isCallExpression(expression)) {
    const callee = expression.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    return STRING_RESULT_CALLS.has(name);
  }
  if (Node.isIdentifier(expression)) {
    const declaration = uniqueDeclaration(sourceFile, expression.getText())?.node;
    if (!declaration) return false;
    if ((Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration)) && declaration.getTypeNode()?.getText() === 'string') return true;
    const initializer = constInitializer(sourceFile, expression.getText());
    return initializer !== undefined && isStringBody(sourceFile, initializer);
  }
  return false;
}

/** `name` or `name: value`, as an object literal entry. */
function entry(name: string, value: string): string {
  return value === name ? name : `${name}: ${value}`;
}

function isDroppedHeader(property: Node): boolean {
  const name = propertyName(property);
  return name !== undefined && (LEGACY_AUTH_HEADER.test(name) || /^(?:x-amz-)?date$/i.test(name));
}

/** A declaration whose initializer only computes a value, so removing it changes nothing else. */
function isSideEffectFree(sourceFile: SourceFile, node: Node): boolean {
  for (const descendant of [node, ...node.getDescendants()]) {
    if (Node.isCallExpression(descendant) && !isCreateHmacCall(sourceFile, descendant)) {
      const callee = descendant.getExpression();
      const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
      if (!SIDE_EFFECT_FREE_CALLS.has(name)) return false;
    }
    if (Node.isNewExpression(descendant) && descendant.getExpression().getText() !== 'Date') return false;
    if (Node.isAwaitExpression(descendant) || Node.isYieldExpression(descendant) || Node.isTaggedTemplateExpression(descendant)) return false;
    if (Node.isBinaryExpression(descendant) && /^(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=$/.test(descendant.getOperatorToken().getText())) return false;
    if (Node.isPrefixUnaryExpression(descendant) || Node.isPostfixUnaryExpression(descendant)) {
      if ([SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(descendant.getOperatorToken())) return false;
    }
  }
  return true;
}

type Range = [number, number];

const inside = (node: Node, ranges: readonly Range[]) => ranges.some(([start, end]) => start <= node.getStart() && node.getEnd() <= end);

/**
 * Removes the import binding `declaration` of one of `modules` (the whole statement when all its
 * bindings are dead), or undefined when it is not such an import.
 */
function importRemoval(sourceFile: SourceFile, declaration: Node, modules: ReadonlySet<string>, isDead: (name: string) => boolean): { edit: TextEdit; range: Range } | undefined {
  const importDeclaration = declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  if (importDeclaration) {
    if (!modules.has(importDeclaration.getModuleSpecifierValue())) return undefined;
    const bindings = [importDeclaration.getDefaultImport(), importDeclaration.getNamespaceImport(), ...importDeclaration.getNamedImports().map((named) => named.getAliasNode() ?? named.getNameNode())]
      .filter((binding): binding is Identifier => binding !== undefined);
    if (bindings.every((binding) => isDead(binding.getText()))) {
      return { edit: statementRemoval(sourceFile, importDeclaration), range: [importDeclaration.getStart(), importDeclaration.getEnd()] };
    }
    if (!Node.isImportSpecifier(declaration)) return undefined;
    return { edit: listElementRemoval(sourceFile, declaration), range: [declaration.getStart(), declaration.getEnd()] };
  }
  const statement = declaration.getFirstAncestorByKind(SyntaxKind.VariableStatement);
  const initializer = statement?.getDeclarations()[0]?.getInitializer();
  if (!statement || statement.getDeclarations().length !== 1 || !initializer || !Node.isCallExpression(initializer)) return undefined;
  const argument = initializer.getArguments()[0];
  if (initializer.getExpression().getText() !== 'require' || !argument || !isStringLike(argument)) return undefined;
  if (!modules.has((argument as unknown as { getLiteralValue(): string }).getLiteralValue())) return undefined;
  const nameNode = statement.getDeclarations()[0]!.getNameNode();
  const names = Node.isIdentifier(nameNode) ? [nameNode.getText()] : nameNode.getDescendantsOfKind(SyntaxKind.BindingElement).map((element) => element.getName());
  if (names.every(isDead)) return { edit: statementRemoval(sourceFile, statement), range: [statement.getStart(), statement.getEnd()] };
  if (!Node.isBindingElement(declaration)) return undefined;
  return { edit: listElementRemoval(sourceFile, declaration), range: [declaration.getStart(), declaration.getEnd()] };
}

/** Removes one element of `{ a, b }` with its comma. */
function listElementRemoval(sourceFile: SourceFile, element: Node): TextEdit {
  const text = sourceFile.getFullText();
  const after = /^\s*,[ \t]*/.exec(text.slice(element.getEnd()));
  if (after) return { filePath: sourceFile.getFilePath(), start: element.getStart(), end: element.getEnd() + after[0].length, text: '' };
  const before = /,\s*$/.exec(text.slice(0, element.getStart()))!;
  return { filePath: sourceFile.getFilePath(), start: element.getStart() - before[0].length, end: element.getEnd(), text: '' };
}

/**
 * The hand-rolled signing pieces that die with the SigV3 header: declarations (and crypto imports)
 * whose every use lies in what the rewrite drops. `live` are names the rewrite still writes.
 */
function removeDeadSigningCode(sourceFile: SourceFile, dropped: Range[], live: Set<string>, keep: Node): TextEdit[] {
  const edits: TextEdit[] = [];
  const ranges = [...dropped];
  const removed = new Set<string>();
  const isDead = (name: string): boolean => {
    if (live.has(name)) return false;
    const declaration = uniqueDeclaration(sourceFile, name);
    if (!declaration) return false;
    return bindingOccurrences(sourceFile, name).every((identifier) => identifier === declaration.name || inside(identifier, ranges));
  };
  for (let changed = true; changed; ) {
    changed = false;
    const candidates = new Set(ranges.flatMap(([start, end]) =>
      sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getStart() >= start && identifier.getEnd() <= end && isReference(identifier)).map((identifier) => identifier.getText())));
    for (const name of candidates) {
      if (removed.has(name) || !isDead(name)) continue;
      const declaration = uniqueDeclaration(sourceFile, name)!.node;
      let removal: { edit: TextEdit; range: Range } | undefined;
      if (Node.isVariableDeclaration(declaration)) {
        const statement = declaration.getVariableStatement();
        const initializer = declaration.getInitializer();
        const isSimple = statement && statement.getDeclarations().length === 1 && Node.isIdentifier(declaration.getNameNode()) && !statement.isExported();
        removal = importRemoval(sourceFile, declaration, CRYPTO_MODULES, isDead);
        if (!removal && isSimple && initializer && isSideEffectFree(sourceFile, initializer) && !keep.getAncestors().includes(statement) && statement !== keep) {
          removal = { edit: statementRemoval(sourceFile, statement), range: [statement.getStart(), statement.getEnd()] };
        }
      } else if (Node.isImportSpecifier(declaration) || Node.isImportClause(declaration) || Node.isNamespaceImport(declaration) || Node.isBindingElement(declaration)) {
        removal = importRemoval(sourceFile, declaration, CRYPTO_MODULES, isDead);
      }
      if (!removal) continue;
      removed.add(name);
      if (!edits.some((edit) => edit.start === removal!.edit.start && edit.end === removal!.edit.end)) edits.push(removal.edit);
      ranges.push(removal.range);
      changed = true;
    }
  }
  // An import first trimmed by one binding and later removed whole keeps only the whole removal.
  return edits.filter((edit) => !edits.some((other) => other !== edit && other.start <= edit.start && edit.end <= other.end));
}

/**
 * A credential as written in the signing options. `process.env.X` is `string | undefined` in
 * TypeScript, where the AWS3 template accepted it: the non-null assertion keeps the value and
 * types it as the string the hand-rolled code already assumed.
 */
function definiteText(sourceFile: SourceFile, node: Node): string {
  const text = node.getText();
  if (!/\.[cm]?tsx?$/.test(sourceFile.getFilePath())) return text;
  const value = Node.isIdentifier(node) ? constInitializer(sourceFile, text) : node;
  return value && /^process\.env\.\w+$/.test(value.getText()) ? `${text}!` : text;
}

/** Before the statement's own leading comments, so they stay above the call they describe. */
function signingPosition(statement: Statement): number {
  const comments = statement.getLeadingCommentRanges();
  return comments.length > 0 ? comments[0]!.getPos() : statement.getStart();
}

/** The body expression replaced by the const holding it: `body: expr` becomes `body` when the names match. */
function bodyReplacement(sourceFile: SourceFile, body: Node, name: string): TextEdit {
  const property = body.getParent();
  const filePath = sourceFile.getFilePath();
  if (Node.isPropertyAssignment(property) && propertyName(property) === name && Node.isIdentifier(property.getNameNode())) {
    return { filePath, start: property.getStart(), end: property.getEnd(), text: name };
  }
  return { filePath, start: body.getStart(), end: body.getEnd(), text: name };
}

function rewriteSigV3Request(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const text = sourceFile.getFullText();
  const { quote, semicolon } = detectCodeStyle(sourceFile);
  const headers = findHeadersObject(context);
  const authProperty = headers.getProperties().find((property) => LEGACY_AUTH_HEADER.test(propertyName(property) ?? ''))!;
  const authParts = stringParts(authorizationValue(sourceFile, authProperty));
  if (!authParts) manual('the X-Amzn-Authorization value is not a string built in this file');
  const accessKey = expressionAfter(authParts, 'AWSAccessKeyId=');
  const signature = expressionAfter(authParts, 'Signature=');
  if (!accessKey || !isPlainReference(accessKey)) manual('the access key id in the AWS3 string is not a plain variable or property');
  if (!signature) manual('the AWS3 string has no visible Signature= value');
  const secret = findSecretKey(sourceFile, signature);

  const site = findRequestSite(sourceFile, headers, quote);
  const { url, method, body } = site;
  const statement = enclosingStatement(site.call);
  const target = findSigningTarget(context, url, statement, quote);
  for (const reference of [accessKey, secret]) {
    for (const identifier of readIdentifiers(reference)) {
      const name = identifier.getText();
      if (!isVisibleAt(sourceFile, name, statement, { origin: identifier, allowGlobal: true })) manual(`'${name}' (part of the credentials) is not visible where the request is sent`);
    }
  }
  if (site.headersStatement && site.headersStatement.getParent() !== statement.getParent()) manual('the headers object is declared in another block than the request call');

  const signRequest = context.helper.use(sourceFile, 'signRequest');
  const signed = freeName(sourceFile, ['signed', 'signedRequest']);
  const indent = indentOf(text, statement.getStart());
  const unit = indentUnit(text, statement);
  const inner = indent + unit;
  const keptHeaders = headers.getProperties().filter((property) => !isDroppedHeader(property));
  const trailingComma = usesTrailingCommas(text);
  // A body computed in the call is evaluated once, into a const that both signing and sending read.
  const bodyConst = body && !isPlainReference(body) ? freeName(sourceFile, ['body', 'requestBody']) : undefined;
  const bodyText = bodyConst ?? body?.getText();
  const lines = [
    entry('method', method),
    entry('url', url.getText()),
    ...(keptHeaders.length > 0 ? [`headers: { ${keptHeaders.map((property) => property.getText()).join(', ')} }`] : []),
    ...(bodyText ? [entry('body', bodyText)] : []),
  ];
  const credential = (node: Node) => definiteText(sourceFile, node);
  const credentials = `{ ${entry('accessKeyId', credential(accessKey))}, ${entry('secretAccessKey', credential(secret))} }`;
  const signingOptions = `{ service: ${quote}${target.service}${quote}, ${entry('region', target.region)}, credentials: ${credentials} }`;
  const request = `{\n${lines.map((line, index) => `${inner}${line}${index < lines.length - 1 || trailingComma ? ',' : ''}`).join('\n')}\n${indent}}`;
  const end = semicolon ? ';' : '';
  const hoistedBody = bodyConst ? `const ${bodyConst} = ${body!.getText()}${end}\n${indent}` : '';
  const signing = `${hoistedBody}const ${signed} = ${signRequest}(${request}, ${signingOptions})${end}\n${indent}`;

  const filePath = sourceFile.getFilePath();
  const edits: TextEdit[] = [
    { filePath, start: signingPosition(statement), end: signingPosition(statement), text: signing },
    { filePath, start: url.getStart(), end: url.getEnd(), text: `${signed}.url` },
    Node.isShorthandPropertyAssignment(site.headersProperty)
      ? { filePath, start: site.headersProperty.getStart(), end: site.headersProperty.getEnd(), text: `headers: ${signed}.headers` }
      : { filePath, start: headers.getStart(), end: headers.getEnd(), text: `${signed}.headers` },
  ];
  if (site.headersStatement) edits.push(statementRemoval(sourceFile, site.headersStatement));
  if (bodyConst) edits.push(bodyReplacement(sourceFile, body!, bodyConst));

  const live = new Set([url, body, accessKey, secret, ...keptHeaders].flatMap((node) => (node ? rootIdentifiers(node) : [])));
  if (!target.region.startsWith(quote)) live.add(target.region.replace(/!$/, ''));
  const dropped = headers.getProperties().filter(isDroppedHeader).map((property): Range => [property.getStart(), property.getEnd()]);
  edits.push(...removeDeadSigningCode(sourceFile, dropped, live, statement));
  return { kind: 'fixed', edits, note: `signed with Signature Version 4 through ${signRequest}()` };
}

// ---------------------------------------------------------------------------------------------
// aws-sdk-signature-v2 plugged into an SDK v3 client

const SIGNER_V2_MODULES = new Set(['aws-sdk-signature-v2']);

/** True when an `endpoint` option is absent or visibly AWS (amazonaws.com, AWS_ENDPOINT_URL*). */
function endpointIsVisiblyAws(object: ObjectLiteralExpression | undefined): boolean {
  const endpoint = object && findProperty(object, 'endpoint');
  if (!endpoint) return true;
  return /amazonaws\.com|process\.env\.AWS_ENDPOINT_URL(?:_S3)?\b/.test(endpoint.getText());
}

/** Removes `signerConstructor` (the rule's suggestion) and the SigV2 signer import when nothing else uses it. */
function removeSignerConstructor(context: CodemodContext): CodemodOutcome {
  const { sourceFile } = context;
  const property = [context.node, ...context.node.getAncestors()].find((candidate) => Node.isPropertyAssignment(candidate) || Node.isShorthandPropertyAssignment(candidate));
  if (!endpointIsVisiblyAws(property?.getParentIfKind(SyntaxKind.ObjectLiteralExpression))) {
    return { kind: 'manual', todo: "This SDK v3 client signs with aws-sdk-signature-v2 (SigV2) against an endpoint that is not visibly AWS: an S3-compatible server may need it on purpose. If the server supports SigV4, remove signerConstructor and the aws-sdk-signature-v2 import." };
  }
  const adopted = adoptRuleSuggestion(context, 'removeSignerConstructor');
  if (!adopted || adopted.kind !== 'fixed') return { kind: 'manual', todo: "Remove signerConstructor so the client signs with Signature Version 4." };
  const value = property && Node.isPropertyAssignment(property) ? unwrap(property.getInitializerOrThrow()) : property && Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : undefined;
  if (!value || !Node.isIdentifier(value)) return adopted;
  const signer = uniqueDeclaration(sourceFile, value.getText());
  const usedOnlyHere = (name: string) => name === value.getText() && bindingOccurrences(sourceFile, name).length === 2;
  const removal = signer && importRemoval(sourceFile, signer.node, SIGNER_V2_MODULES, usedOnlyHere);
  return removal ? { ...adopted, edits: [...adopted.edits, removal.edit] } : adopted;
}

function sigV3Todo(reason: string): string {
  return `Sign this request with Signature Version 4 instead of SigV3: \`const signed = signRequest({ method, url, headers, body }, { service: 'ses', region, credentials: { accessKeyId, secretAccessKey } })\` from the sigv4-migrate helper, send signed.url and signed.headers, and drop the X-Amzn-Authorization and Date headers and the HMAC code. Not rewritten automatically because ${reason}.`;
}

function legacySigV3(context: CodemodContext): CodemodOutcome {
  try {
    return rewriteSigV3Request(context);
  } catch (error) {
    if (error instanceof ManualWork) return { kind: 'manual', todo: sigV3Todo(error.message) };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Everything else: adopt the rule's suggestion where it has one, else say what to do.

const MANUAL_TODOS: Record<string, string> = {
  sigV2QuerySigning:
    "Replace the SignatureVersion=2 query signing with Signature Version 4: drop SignatureVersion, SignatureMethod, Timestamp and Signature and sign the request with the helper's signRequest (or presignUrl for a URL), with the service's signing name and region.",
  s3SigV2PresignedUrl:
    "Presign with Signature Version 4 instead: `presignUrl({ method: 'GET', url }, { service: 's3', region, credentials, expiresIn })` from the sigv4-migrate helper (or @aws-sdk/s3-request-presigner); expiresIn is at most 604800 seconds.",
  s3SigV2AuthHeader:
    "Replace the 'AWS key:signature' header with Signature Version 4: `signRequest({ method, url, headers, body }, { service: 's3', region, credentials })` from the sigv4-migrate helper, then send its headers (it adds x-amz-content-sha256 for S3).",
  awsSign2Library:
    "aws-sign2 only signs with S3 SigV2: sign with the sigv4-migrate helper's signRequest({ method, url, headers, body }, { service: 's3', region, credentials }) or aws4, then remove aws-sign2.",
  knoxLibrary:
    "knox signs every request with S3 SigV2: move these calls to @aws-sdk/client-s3 (or aws-sdk v2 with signatureVersion: 'v4') and remove knox.",
  sigV2SignerLibrary:
    "aws-sdk-signature-v2 is imported but not visibly used as a signerConstructor here: remove it where a client gets it, so the client signs with Signature Version 4.",
};

function withSuggestion(context: CodemodContext, messageId: string, todo: string): CodemodOutcome {
  return adoptRuleSuggestion(context, messageId) ?? { kind: 'manual', todo };
}

const noLegacySignature: Codemod = (context) => {
  const { finding } = context;
  switch (finding.messageId) {
    case 'legacySignatureVersion':
      return legacySignatureVersion(context);
    case 'legacySignatureVersionCustomEndpoint':
      return customEndpointTodo(context);
    case 'signatureVersionInSdkV3':
      return withSuggestion(context, 'removeSignatureVersion', "Remove signatureVersion: SDK v3 clients always sign with Signature Version 4.");
    case 'sigV2SignerConstructor':
      return removeSignerConstructor(context);
    case 'requestAwsOption':
      return withSuggestion(context, 'addSignVersion4', "Add sign_version: 4 to the request's aws option.");
    case 'legacyAuthHeader':
    case 'legacyAuthScheme':
      return legacySigV3(context);
    default:
      return { kind: 'manual', todo: MANUAL_TODOS[finding.messageId] ?? finding.message };
  }
};

export default noLegacySignature;
