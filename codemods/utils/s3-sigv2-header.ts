// Matching a hand-rolled S3 SigV2 header signer: the `Authorization: 'AWS ' + key + ':' + signature`
// property, the HMAC-SHA1 that computes the signature (inline, or in a local function), and every
// header that HMAC signs, so the signer is rewritten as a whole or not at all.
import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { CallExpression, Identifier, FunctionDeclaration, ObjectLiteralExpression, PropertyAssignment, SourceFile, VariableDeclaration } from 'ts-morph';
import { bindingOccurrences, declarationAt, referencesTo, uniqueDeclaration } from './bindings';
import { innermostExpression, isPlainReference, isStringLike, propertyName } from './expressions';
import { manual } from './manual-work';
import { isCreateHmacCall } from './sigv3-authorization';
import { expressionAfter, stringParts } from './string-parts';

const AUTHORIZATION = /^authorization$/i;

export interface S3SigV2Header {
  /** The expression after `:`: a variable holding the signature. */
  signature: Node;
  headers: ObjectLiteralExpression;
  /** The `Authorization` property: dropped by the rewrite. */
  authorization: PropertyAssignment;
  /** The expression after `AWS `: a plain variable or property. */
  accessKey: Node;
  /** The `const signature = …` the header reads, when the signature is one (dropped with the header). */
  signatureDeclaration?: VariableDeclaration;
}

/** The HMAC-SHA1 call that signs, and its key (the secret access key). */
export interface S3SigV2Hmac {
  call: CallExpression;
  secret: Node;
}

/** The const an identifier means where it is written: scope-aware, as several functions may each have a `signature`. */
export function constDeclarationAt(sourceFile: SourceFile, node: Node): VariableDeclaration | undefined {
  const identifier = innermostExpression(node);
  const declaration = Node.isIdentifier(identifier) ? declarationAt(sourceFile, identifier)?.node : undefined;
  const isConst = Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const;
  return isConst ? declaration : undefined;
}

/** The reads of one declaration (not of other variables of the same name elsewhere in the file). */
export function usesOf(declaration: VariableDeclaration): Identifier[] {
  const sourceFile = declaration.getSourceFile();
  return bindingOccurrences(sourceFile, declaration.getName()).filter((identifier) => identifier !== declaration.getNameNode() && declarationAt(sourceFile, identifier)?.node === declaration);
}

function isAuthorizationProperty(node: Node): node is PropertyAssignment {
  const name = Node.isPropertyAssignment(node) ? propertyName(node) : undefined;
  return name !== undefined && AUTHORIZATION.test(name) && Node.isObjectLiteralExpression(node.getParent());
}

/** The Authorization property `node` is (part of) the value of, directly or through a one-use const. */
function authorizationPropertyOf(node: Node): PropertyAssignment | undefined {
  const direct = [node, ...node.getAncestors()].find(isAuthorizationProperty);
  if (direct) return direct;
  const declaration = node.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const uses = declaration ? usesOf(declaration) : [];
  const use = uses.length === 1 ? uses[0]!.getParentOrThrow() : undefined;
  return use && isAuthorizationProperty(use) && use.getInitializer() === uses[0] ? use : undefined;
}

/** The `AWS key:signature` string of the header, through one const if needed. */
function authorizationString(sourceFile: SourceFile, property: PropertyAssignment): Node {
  const value = innermostExpression(property.getInitializerOrThrow());
  if (!Node.isIdentifier(value)) return value;
  const initializer = constDeclarationAt(sourceFile, value)?.getInitializer();
  if (!initializer) manual(`'${value.getText()}' (the Authorization value) is not a const in this file`);
  return initializer;
}

/** The S3 SigV2 header a finding on the `AWS key:signature` value belongs to, with its access key and signature. */
export function matchS3SigV2Header(sourceFile: SourceFile, node: Node): S3SigV2Header {
  const authorization = authorizationPropertyOf(node);
  if (!authorization) manual("the 'AWS key:signature' value is not the Authorization property of a headers object literal");
  const parts = stringParts(authorizationString(sourceFile, authorization));
  const first = parts?.[0];
  if (!parts || !first || !('text' in first) || !first.text.startsWith('AWS ')) manual("the Authorization value is not a string starting with 'AWS ' built in this file");
  const accessKey = expressionAfter(parts, 'AWS');
  const signature = expressionAfter(parts, ':');
  if (!accessKey || !isPlainReference(accessKey)) manual("the access key id after 'AWS ' is not a plain variable or property");
  if (!signature || !Node.isIdentifier(innermostExpression(signature))) manual("the signature after ':' is not a variable");
  const declaration = constDeclarationAt(sourceFile, signature);
  const signatureDeclaration = declaration && usesOf(declaration).length === 1 ? declaration : undefined;
  return { headers: authorization.getParentIfKindOrThrow(SyntaxKind.ObjectLiteralExpression), authorization, accessKey, signature, signatureDeclaration };
}

/** Local functions called in `node` (`signV2(stringToSign(…))`): where an HMAC may be hidden. */
function calledLocalFunctions(sourceFile: SourceFile, node: Node): FunctionDeclaration[] {
  return [node, ...node.getDescendantsOfKind(SyntaxKind.CallExpression)].flatMap((call) => {
    const callee = Node.isCallExpression(call) ? call.getExpression() : undefined;
    const declaration = callee && Node.isIdentifier(callee) ? uniqueDeclaration(sourceFile, callee.getText())?.node : undefined;
    return Node.isFunctionDeclaration(declaration) ? [declaration] : [];
  });
}

/**
 * The key a local signing function's HMAC reads, as its caller passes it: `sign(secret, text)`
 * called as `sign(credentials.secretAccessKey, …)` signs with `credentials.secretAccessKey`.
 */
function keyAtCall(sourceFile: SourceFile, hmac: S3SigV2Hmac, initializer: Node): S3SigV2Hmac {
  if (hmac.call.getAncestors().includes(initializer)) return hmac;
  const fn = hmac.call.getFirstAncestor(Node.isFunctionDeclaration);
  const index = fn && Node.isIdentifier(hmac.secret) ? fn.getParameters().findIndex((parameter) => parameter.getName() === hmac.secret.getText()) : -1;
  if (!fn || index < 0) return hmac;
  const calls = [initializer, ...initializer.getDescendantsOfKind(SyntaxKind.CallExpression)].filter((call): call is CallExpression => Node.isCallExpression(call) && call.getExpression().getText() === fn.getName());
  const argument = calls.length === 1 ? calls[0]!.getArguments()[index] : undefined;
  if (!argument || !isPlainReference(argument)) manual(`the secret access key passed to ${fn.getName() ?? 'the signing function'}() is not a plain variable or property`);
  return { call: hmac.call, secret: argument };
}

/** The HMAC-SHA1 call computing `signature` (a const), in its initializer or in a local function it calls. */
export function findSignatureHmac(sourceFile: SourceFile, signature: Node): S3SigV2Hmac {
  const initializer = constDeclarationAt(sourceFile, signature)?.getInitializer();
  if (!initializer) manual(`the signature '${signature.getText()}' is not a const computed in this file, so the secret access key is not visible`);
  const places = [initializer, ...calledLocalFunctions(sourceFile, initializer)];
  const call = places.flatMap((place) => [place, ...place.getDescendants()]).find((candidate): candidate is CallExpression => isCreateHmacCall(sourceFile, candidate));
  if (!call) manual("no createHmac('sha1', secretAccessKey) call computes the signature, so the secret access key is not visible");
  return keyAtCall(sourceFile, hmacOf(sourceFile, call), initializer);
}

/** The key of a `createHmac('sha1', key)` call: it must be a plain variable or property. */
export function hmacOf(sourceFile: SourceFile, call: CallExpression): S3SigV2Hmac {
  const [algorithm, key] = call.getArguments();
  if (!algorithm || !isStringLike(algorithm) || algorithm.getLiteralValue().toLowerCase() !== 'sha1') manual('the HMAC computing the signature is not a visible HMAC-SHA1');
  if (!key || !isPlainReference(key)) manual(`the HMAC key '${key?.getText() ?? ''}' is not a plain variable or property`);
  return { call, secret: key };
}

/** The const declarations whose value is the HMAC's signature: the one it sits in, or each call of its function. */
function signatureHolders(call: CallExpression): VariableDeclaration[] {
  const holder = call.getFirstAncestor((node) => Node.isFunctionLikeDeclaration(node) || Node.isVariableDeclaration(node));
  if (Node.isVariableDeclaration(holder)) return [holder];
  if (!Node.isFunctionDeclaration(holder) || holder.isExported() || !holder.getName()) manual('the HMAC-SHA1 is not computed in a const or in a local function of this file');
  return referencesTo(call.getSourceFile(), holder.getName()!).map((reference) => {
    const caller = reference.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
    if (!caller || !Node.isCallExpression(reference.getParent()) || reference.getFirstAncestor(Node.isFunctionDeclaration) === holder) {
      manual(`the signing function ${holder.getName()}() is used on line ${reference.getStartLineNumber()} other than as \`const signature = ${holder.getName()}(…)\``);
    }
    return caller;
  });
}

/** True when `use` is (part of) the value of an Authorization header property. */
export function isInAuthorizationHeader(use: Node): boolean {
  return authorizationPropertyOf(use) !== undefined;
}

/**
 * Where the HMAC-SHA1's signature is used (through its const, or each call of its function): one
 * use per signature, in a header or a presigned URL; the signer is rewritten at all of them or none.
 */
export function signatureUses(call: CallExpression): Node[] {
  return signatureHolders(call).map((holder) => {
    const uses = usesOf(holder);
    if (uses.length !== 1) manual(`the signature '${holder.getName()}' (line ${holder.getStartLineNumber()}) is used ${uses.length} times, not once in one header or URL`);
    return uses[0]!;
  });
}
