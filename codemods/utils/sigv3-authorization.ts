// Matching a hand-built SES SigV3 header (`X-Amzn-Authorization: AWS3-HTTPS AWSAccessKeyId=…,
// Signature=…`): the headers object it is set in, and the access key and HMAC secret it visibly uses.
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, ObjectLiteralExpression, SourceFile, StringLiteral } from 'ts-morph';
import { constInitializer, referencesTo, soleVariableInitializer, uniqueDeclaration, usesOfVariable } from './bindings';
import { calledThisMethod, soleReturnExpression, soleThisCall } from './class-methods';
import { innermostExpression, isPlainReference, isStringLike, outermostWrapper, propertyName } from './expressions';
import { manual } from './manual-work';
import { moduleOfBinding } from './node-https-site';
import { expressionAfter, stringParts } from './string-parts';
import type { StringPart } from './string-parts';

const LEGACY_AUTH_HEADER = /^x-amzn-authorization$/i;

export interface SigV3Authorization {
  /** The headers object literal the X-Amzn-Authorization header is set in. */
  headers: ObjectLiteralExpression;
  /** The expression after `AWSAccessKeyId=`: a plain variable or property. */
  accessKey: Node;
  /** The key of the HMAC that computes the signature: a plain variable or property. */
  secret: Node;
}

/** True for the SigV3 authorization header's name, in any case. */
export function isLegacyAuthHeaderName(name: string): boolean {
  return LEGACY_AUTH_HEADER.test(name);
}

/** True for the headers SigV4 signing replaces: the SigV3 authorization and the date it signed. */
export function isDroppedHeaderName(name: string): boolean {
  return LEGACY_AUTH_HEADER.test(name) || /^(?:x-amz-)?date$/i.test(name);
}

/** A header's name, also when it is a computed key naming a string const (`[AUTH_HEADER]: …`). */
export function headerName(sourceFile: SourceFile, property: Node): string | undefined {
  const name = propertyName(property);
  if (name !== undefined || !Node.isPropertyAssignment(property)) return name;
  const key = property.getNameNode();
  const expression = Node.isComputedPropertyName(key) ? key.getExpression() : undefined;
  const value = Node.isIdentifier(expression) ? constInitializer(sourceFile, expression.getText()) : undefined;
  return isStringLike(value) ? value.getLiteralValue() : undefined;
}

/** The headers SigV4 signing replaces: the SigV3 authorization and the date it signed. */
export function isDroppedHeader(sourceFile: SourceFile, property: Node): boolean {
  const name = headerName(sourceFile, property);
  return name !== undefined && isDroppedHeaderName(name);
}

/** What `this.method(…)` returns when the method is one `return` of this class; else the node itself. */
function throughThisMethod(node: Node): Node {
  const method = calledThisMethod(innermostExpression(node));
  const returned = method && soleReturnExpression(method);
  return returned ? innermostExpression(returned) : node;
}

/** `createHmac(…)`, `crypto.createHmac(…)`, or an alias imported as `{ createHmac as hmac }`. */
export function isCreateHmacCall(sourceFile: SourceFile, node: Node): boolean {
  if (!Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  if (Node.isPropertyAccessExpression(callee)) return callee.getName() === 'createHmac';
  if (!Node.isIdentifier(callee)) return false;
  if (callee.getText() === 'createHmac') return true;
  const declaration = uniqueDeclaration(sourceFile, callee.getText())?.node;
  if (Node.isImportSpecifier(declaration)) return declaration.getName() === 'createHmac';
  return Node.isBindingElement(declaration) && declaration.getPropertyNameNode()?.getText() === 'createHmac';
}

/** `hmac(algorithm, secret, date)` calling a function of the file whose `createHmac(…, key)` key is one of its parameters: that argument. */
function keyPassedToHmacFunction(sourceFile: SourceFile, computation: Node): Node | undefined {
  const call = [computation, ...computation.getDescendants()].find((node): node is CallExpression => Node.isCallExpression(node) && Node.isIdentifier(node.getExpression()));
  const declaration = call && uniqueDeclaration(sourceFile, call.getExpression().getText())?.node;
  if (!call || !Node.isFunctionDeclaration(declaration)) return undefined;
  const hmac = declaration.getDescendantsOfKind(SyntaxKind.CallExpression).find((node) => isCreateHmacCall(sourceFile, node));
  const key = hmac?.getArguments()[1];
  const index = key && Node.isIdentifier(key) ? declaration.getParameters().findIndex((parameter) => parameter.getName() === key.getText()) : -1;
  return index >= 0 ? call.getArguments()[index] : undefined;
}

/**
 * `this.sign(date)` calling a method of several statements (`Mailer.prototype.sign = function (date) {…}`):
 * the key of the one createHmac it computes, or the argument passed for it when the key is a parameter.
 */
function keyInThisMethod(sourceFile: SourceFile, computation: Node): Node | undefined {
  const method = calledThisMethod(computation);
  const hmacs = method?.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => isCreateHmacCall(sourceFile, call)) ?? [];
  const key = hmacs.length === 1 ? hmacs[0]!.getArguments()[1] : undefined;
  if (!method || !key || !Node.isIdentifier(key)) return key;
  const index = method.getParameters().findIndex((parameter) => parameter.getName() === key.getText());
  return index >= 0 ? (computation as CallExpression).getArguments()[index] : key;
}

/** The secret access key: the key of the HMAC that computes the SigV3 signature. */
function findSecretKey(sourceFile: SourceFile, signature: Node): Node {
  const unwrapped = throughThisMethod(innermostExpression(signature));
  const computation = Node.isIdentifier(unwrapped) ? constInitializer(sourceFile, unwrapped.getText()) : unwrapped;
  if (!computation) manual(`the signature '${signature.getText()}' is not a const computed in this file, so the secret access key is not visible`);
  const hmac = [computation, ...computation.getDescendants()].find((node): node is CallExpression => Node.isCallExpression(node) && isCreateHmacCall(sourceFile, node));
  const key = hmac?.getArguments()[1] ?? keyPassedToHmacFunction(sourceFile, computation) ?? keyInThisMethod(sourceFile, computation);
  const callee = Node.isCallExpression(computation) ? computation.getExpression() : undefined;
  if (!key && Node.isPropertyAccessExpression(callee) && Node.isThisExpression(callee.getExpression())) {
    manual(`the signature comes from ${computation.getText()}, whose secret access key is not visible here`);
  }
  if (!key) manual('no createHmac(…, secretAccessKey) call computes the signature, so the secret access key is not visible');
  if (!isPlainReference(key)) manual(`the HMAC key '${key.getText()}' is not a plain variable or property`);
  return key;
}

/** The initializer of the file's only variable `name`, when nothing assigns to it after. */
export function onceAssignedInitializer(sourceFile: SourceFile, name: string): Node | undefined {
  const initializer = soleVariableInitializer(sourceFile, name);
  const reassigned = referencesTo(sourceFile, name).some((reference) => {
    const parent = reference.getParent();
    return Node.isBinaryExpression(parent) && parent.getLeft() === reference && parent.getOperatorToken().getKind() >= SyntaxKind.FirstAssignment && parent.getOperatorToken().getKind() <= SyntaxKind.LastAssignment;
  });
  return reassigned ? undefined : initializer;
}

/** `[a, b].join(', ')`: the parts of each element in turn, the separator between them. */
function joinedParts(node: Node): StringPart[] | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  const [separator, ...rest] = node.getArguments();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'join' || !isStringLike(separator) || rest.length > 0) return undefined;
  const array = innermostExpression(callee.getExpression());
  if (!Node.isArrayLiteralExpression(array)) return undefined;
  return array.getElements().flatMap((element, index): StringPart[] => [
    ...(index > 0 ? [{ text: separator.getLiteralValue() }] : []),
    ...(stringParts(element) ?? [{ expression: element }]),
  ]);
}

/** A placeholder in the text parts filled by `.replace(placeholder, value)`: the first occurrence, as String.replace does. */
function fillPlaceholder(parts: StringPart[], placeholder: string, value: Node): StringPart[] | undefined {
  const index = parts.findIndex((part) => 'text' in part && part.text.includes(placeholder));
  const part = parts[index];
  if (!part || !('text' in part)) return undefined;
  const at = part.text.indexOf(placeholder);
  const filled: StringPart[] = [{ text: part.text.slice(0, at) }, { expression: value }, { text: part.text.slice(at + placeholder.length) }];
  return [...parts.slice(0, index), ...filled, ...parts.slice(index + 1)];
}

/**
 * `TEMPLATE.replace('{key}', key).replace('{signature}', signature)` (or `'…%s…'.replace('%s', …)`):
 * the template's text with each placeholder filled, when every pattern is a plain string.
 */
function replacedTemplateParts(sourceFile: SourceFile, node: Node): StringPart[] | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  const [pattern, value, ...rest] = node.getArguments();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'replace' || !isStringLike(pattern) || !value || rest.length > 0) return undefined;
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) return undefined;
  const receiver = innermostExpression(callee.getExpression());
  const template = Node.isIdentifier(receiver) ? (constInitializer(sourceFile, receiver.getText()) ?? soleVariableInitializer(sourceFile, receiver.getText())) : receiver;
  const parts = template && (replacedTemplateParts(sourceFile, innermostExpression(template)) ?? stringParts(template) ?? joinedParts(innermostExpression(template)));
  return parts && fillPlaceholder(parts, pattern.getLiteralValue(), value);
}

const UTIL_MODULES = new Set(['util', 'node:util']);

/** `format(…)` imported or required from node:util (also renamed), or `util.format(…)` on the module itself. */
function isUtilFormatCall(sourceFile: SourceFile, node: Node | undefined): node is CallExpression {
  if (!Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  if (Node.isIdentifier(callee)) {
    const origin = moduleOfBinding(sourceFile, callee.getText());
    return origin !== undefined && UTIL_MODULES.has(origin.module) && origin.imported === 'format';
  }
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'format' || !Node.isIdentifier(callee.getExpression())) return false;
  const origin = moduleOfBinding(sourceFile, callee.getExpression().getText());
  return origin !== undefined && UTIL_MODULES.has(origin.module) && origin.imported === undefined;
}

/** The `format(TEMPLATE, …)` call a template (or its name) is the first argument of; the node itself otherwise. */
function formatCallTop(sourceFile: SourceFile, node: Node): Node {
  const call = outermostWrapper(node).getParent();
  return isUtilFormatCall(sourceFile, call) && innermostExpression(call.getArguments()[0] ?? call) === innermostExpression(node) ? call : node;
}

/** Text with its `%s` placeholders filled by `values` in order (`%%` is a percent sign); undefined for any other placeholder or a count that differs. */
function fillFormatText(text: string, values: Node[]): StringPart[] | undefined {
  const parts: StringPart[] = [];
  let rest = '';
  for (const piece of text.split(/(%.)/)) {
    if (piece === '%%') rest += '%';
    else if (piece === '%s' && values.length > 0) {
      parts.push({ text: rest }, { expression: values.shift()! });
      rest = '';
    } else if (/^%./.test(piece)) return undefined;
    else rest += piece;
  }
  return [...parts, { text: rest }];
}

/**
 * `format(TEMPLATE, key, signature)` (or `util.format(…)`): the template's text with each `%s` filled
 * by the next argument, when the template is a string and every argument fills one `%s`.
 */
function formattedParts(sourceFile: SourceFile, node: Node): StringPart[] | undefined {
  if (!isUtilFormatCall(sourceFile, node)) return undefined;
  const [templateArgument, ...values] = node.getArguments();
  if (!templateArgument || values.some(Node.isSpreadElement)) return undefined;
  const named = innermostExpression(templateArgument);
  const template = Node.isIdentifier(named) ? (constInitializer(sourceFile, named.getText()) ?? onceAssignedInitializer(sourceFile, named.getText())) : named;
  const templateParts = template && (stringParts(template) ?? joinedParts(innermostExpression(template)));
  if (!templateParts) return undefined;
  const remaining = [...values];
  const filled: StringPart[] = [];
  for (const part of templateParts) {
    // A value spliced into the template itself may hold a `%s` of its own: not followed.
    const pieces = 'text' in part ? fillFormatText(part.text, remaining) : [part];
    if (!pieces) return undefined;
    filled.push(...pieces);
  }
  return remaining.length === 0 ? filled : undefined;
}

/** The AWS3 string cut into text and spliced values: a template, a concatenation, a joined array, a filled or a formatted template. */
function authorizationParts(sourceFile: SourceFile, value: Node): StringPart[] | undefined {
  const expression = innermostExpression(value);
  return stringParts(expression) ?? joinedParts(expression) ?? replacedTemplateParts(sourceFile, expression) ?? formattedParts(sourceFile, expression) ?? concatenatedParts(expression);
}

/** `scheme + ' AWSAccessKeyId=' + key + …`: a concatenation that starts with a value, not a literal. */
function concatenatedParts(node: Node): StringPart[] | undefined {
  const expression = innermostExpression(node);
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.PlusToken) return stringParts(expression);
  const side = (operand: Node): StringPart[] => concatenatedParts(operand) ?? [{ expression: operand }];
  return [...side(expression.getLeft()), ...side(expression.getRight())];
}

/** The AWS3 string expression assigned to the X-Amzn-Authorization header (through one const if needed). */
function authorizationValue(sourceFile: SourceFile, header: Node): Node {
  if (Node.isShorthandPropertyAssignment(header)) manual('the X-Amzn-Authorization value is a shorthand property');
  if (!Node.isPropertyAssignment(header)) manual('the X-Amzn-Authorization header is not a plain property');
  const value = throughThisMethod(innermostExpression(header.getInitializerOrThrow()));
  if (Node.isIdentifier(value)) {
    // A `var`/`let` assigned once where it is declared reads as a const.
    const initializer = constInitializer(sourceFile, value.getText()) ?? onceAssignedInitializer(sourceFile, value.getText());
    if (!initializer) manual(`'${value.getText()}' (the X-Amzn-Authorization value) is not a const in this file`);
    return initializer;
  }
  return value;
}

function isAuthPropertyIn(sourceFile: SourceFile): (candidate: Node) => boolean {
  return (candidate) => {
    const name = headerName(sourceFile, candidate);
    return name !== undefined && LEGACY_AUTH_HEADER.test(name);
  };
}

/** `const AUTH_HEADER = 'X-Amzn-Authorization'` used as the computed key of one header: that header. */
function headerNamedByConst(sourceFile: SourceFile, node: Node): Node | undefined {
  const declaration = node.getParent();
  if (!isStringLike(node) || !LEGACY_AUTH_HEADER.test(node.getLiteralValue()) || !Node.isVariableDeclaration(declaration)) return undefined;
  const keys = usesOfVariable(declaration).map((use) => use.getParentOrThrow()).filter(Node.isComputedPropertyName);
  return keys.length === 1 ? keys[0]!.getParentOrThrow() : undefined;
}

/** The AWS3 string a class method returns, set as a header through its one `this.method(…)` call: that header. */
function headerSetByMethod(node: Node): Node | undefined {
  const returned = node.getFirstAncestorByKind(SyntaxKind.ReturnStatement);
  const method = returned?.getFirstAncestorByKind(SyntaxKind.MethodDeclaration);
  if (!method || soleReturnExpression(method) !== returned!.getExpression() || innermostExpression(returned!.getExpressionOrThrow()) !== innermostExpression(node)) return undefined;
  const property = soleThisCall(method)?.getParent();
  return property && Node.isPropertyAssignment(property) ? property : undefined;
}

/** `TEMPLATE.replace(…).replace(…)`: the whole chain a template's name starts; the name itself otherwise. */
function replaceChainTop(node: Node): Node {
  let top = node;
  for (;;) {
    const access = top.getParent();
    const call = access?.getParent();
    if (!Node.isPropertyAccessExpression(access) || access.getName() !== 'replace' || !Node.isCallExpression(call) || call.getExpression() !== access) return top;
    top = call;
  }
}

/** The whole string expression a piece of the AWS3 string is part of: through `+`, templates, `[…].join()`, `.replace()` and `format()`. */
function stringBuildingTop(sourceFile: SourceFile, node: Node): Node {
  let top = node;
  for (;;) {
    const parent = top.getParent();
    const grandparent = parent?.getParent();
    const joined = Node.isArrayLiteralExpression(parent) && Node.isPropertyAccessExpression(grandparent) && grandparent.getName() === 'join' && Node.isCallExpression(grandparent.getParent());
    if (joined) top = grandparent.getParentOrThrow();
    else if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.PlusToken) top = parent;
    else if (Node.isTemplateSpan(parent)) top = parent.getParentOrThrow();
    else if (Node.isParenthesizedExpression(parent)) top = parent;
    else if (replaceChainTop(top) !== top) top = replaceChainTop(top);
    else if (formatCallTop(sourceFile, top) !== top) top = formatCallTop(sourceFile, top);
    else return innermostExpression(top);
  }
}

/** The property an expression is the value of: directly, or through a variable it initializes and that is used once. */
function authorizationUse(expression: Node): Node | undefined {
  const parent = outermostWrapper(expression).getParent();
  if (Node.isPropertyAssignment(parent)) return parent;
  if (!Node.isVariableDeclaration(parent)) return undefined;
  const uses = usesOfVariable(parent);
  return uses.length === 1 ? uses[0]!.getParent() : undefined;
}

/** The headers object literal a finding belongs to: the header key's object, or where the AWS3 string is used. */
function findHeadersObject(sourceFile: SourceFile, node: Node): ObjectLiteralExpression {
  const isAuthProperty = isAuthPropertyIn(sourceFile);
  const property = node.getFirstAncestor(isAuthProperty) ?? (isAuthProperty(node) ? node : undefined) ?? headerNamedByConst(sourceFile, node) ?? headerSetByMethod(node);
  if (property && isAuthProperty(property)) return property.getParentIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  // The AWS3 string built in a const (or a template filled by `.replace()`) and used as the header value.
  const declaration = node.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const initializer = declaration?.getInitializer();
  if (declaration && initializer && innermostExpression(initializer) === stringBuildingTop(sourceFile, node)) {
    const uses = usesOfVariable(declaration);
    const use = uses.length === 1 ? authorizationUse(formatCallTop(sourceFile, replaceChainTop(uses[0]!))) : undefined;
    if (use && isAuthProperty(use)) return use.getParentIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  }
  manual(unmatchedHeaderReason(sourceFile, node));
}

/** Why a finding could not be tied to a headers object, in the code's own terms. */
function unmatchedHeaderReason(sourceFile: SourceFile, node: Node): string {
  const property = node.getFirstAncestorByKind(SyntaxKind.PropertyAssignment) ?? (Node.isPropertyAssignment(node) ? node : undefined);
  const key = property?.getNameNode();
  if (key && Node.isComputedPropertyName(key) && headerName(sourceFile, property!) === undefined) {
    return `the header name [${key.getExpression().getText()}] is not a constant in this file, so it cannot be seen to be X-Amzn-Authorization`;
  }
  if (property && isStringLike(property.getInitializer()) && LEGACY_AUTH_HEADER.test((property.getInitializer() as StringLiteral).getLiteralValue())) {
    return `the header name is the value of the '${propertyName(property) ?? key?.getText()}' setting, which callers may change, so the header it names cannot be followed`;
  }
  const returned = node.getFirstAncestorByKind(SyntaxKind.ReturnStatement);
  const fn = returned?.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor) || Node.isFunctionExpression(ancestor) || Node.isMethodDeclaration(ancestor));
  const name = fn && (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) ? fn.getName() : undefined;
  if (returned && name) return `${name}() returns the AWS3 string to its callers, so the request it signs is not visible here`;
  return 'the AWS3 signature is not set as an X-Amzn-Authorization property of a headers object literal';
}

/** The SigV3 header a finding (the header name or the AWS3 string) belongs to, with the credentials it reads. */
export function matchSigV3Authorization(sourceFile: SourceFile, node: Node): SigV3Authorization {
  const headers = findHeadersObject(sourceFile, node);
  const authProperty = headers.getProperties().find(isAuthPropertyIn(sourceFile))!;
  return { headers, ...sigV3Credentials(sourceFile, authorizationValue(sourceFile, authProperty)) };
}

/** The access key written after `AWSAccessKeyId=` in an AWS3 string, and the key of the HMAC its `Signature=` is computed with. */
export function sigV3Credentials(sourceFile: SourceFile, value: Node): Pick<SigV3Authorization, 'accessKey' | 'secret'> {
  const authParts = authorizationParts(sourceFile, value);
  if (!authParts) manual('the X-Amzn-Authorization value is not a string built in this file');
  const accessKey = expressionAfter(authParts, 'AWSAccessKeyId=');
  const signature = expressionAfter(authParts, 'Signature=');
  if (!accessKey || !isPlainReference(accessKey)) manual('the access key id in the AWS3 string is not a plain variable or property');
  if (!signature) manual('the AWS3 string has no visible Signature= value');
  return { accessKey, secret: findSecretKey(sourceFile, signature) };
}
