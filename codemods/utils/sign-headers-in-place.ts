// Signing a request's headers where the signer builds them: the SigV3 headers object literal
// becomes `signRequest({ method, url, headers, body }, …).headers`, so the function keeps its
// signature and sends what it sent before, now signed with SigV4.
import { Node, SyntaxKind } from 'ts-morph';
import type { ObjectLiteralExpression, SourceFile } from 'ts-morph';
import type { TextEdit } from '../types';
import { bindingOccurrences, constInitializer, isVisibleAt, namesRead, readIdentifiers, uniqueDeclaration } from './bindings';
import { isInstanceCode, thisClass } from './class-methods';
import { indentOf, indentUnit, usesTrailingCommas } from './code-layout';
import { innermostExpression } from './expressions';
import { manual } from './manual-work';
import type { HttpsRequestSite } from './node-https-site';
import { isStringBody } from './request-call-site';
import { entry, signingOptions } from './sign-request-call';
import type { SigningTarget } from './ses-signing-target';

export interface InPlaceSigning {
  headers: ObjectLiteralExpression;
  keptHeaders: Node[];
  site: HttpsRequestSite;
  accessKey: Node;
  secret: Node;
  target: SigningTarget;
}

/** True when `node`, written at `site`, reads the same names and the same `this`. */
export function readsSameAt(sourceFile: SourceFile, node: Node, site: Node): boolean {
  const names = readIdentifiers(node).every((identifier) => isVisibleAt(sourceFile, identifier.getText(), site, { origin: identifier, allowGlobal: true }));
  const readsThis = Node.isThisExpression(node) || node.getDescendantsOfKind(SyntaxKind.ThisKeyword).length > 0;
  if (!readsThis) return names;
  return names && thisClass(node) !== undefined && thisClass(node) === thisClass(site) && isInstanceCode(site);
}

/** A body signed where the headers are built must be what is sent later: a const, or a parameter never assigned. */
function checkBody(sourceFile: SourceFile, body: Node, site: Node): void {
  const expression = innermostExpression(body);
  if (!Node.isIdentifier(expression)) manual(`the body '${body.getText()}' is computed where it is sent, after the headers are signed: put it in a const first`);
  const name = expression.getText();
  const declaration = uniqueDeclaration(sourceFile, name)?.node;
  const isConst = constInitializer(sourceFile, name) !== undefined;
  const isUnassignedParameter = Node.isParameterDeclaration(declaration) &&
    bindingOccurrences(sourceFile, name).every((identifier) => !Node.isBinaryExpression(identifier.getParent()) || identifier.getParent()!.getChildAtIndex(0) !== identifier);
  if (!isConst && !isUnassignedParameter) manual(`the body '${name}' is not a const or an unassigned parameter, so the value signed may not be the value sent`);
  if (!readsSameAt(sourceFile, body, site)) manual(`the body '${name}' is not declared before the headers are built`);
  if (!isStringBody(sourceFile, body)) manual(`the body '${name}' is not visibly a string (signRequest signs strings and bytes): call .toString() on it`);
}

/** A kept header as signRequest takes it: a value that is not visibly a string (a byte length) goes through String(). */
function keptHeaderText(sourceFile: SourceFile, property: Node): string {
  if (!Node.isPropertyAssignment(property)) return property.getText();
  const value = property.getInitializerOrThrow();
  return isStringBody(sourceFile, value) ? property.getText() : `${property.getNameNode().getText()}: String(${value.getText()})`;
}

/** The names the signing expression reads: they stay, even where only dropped code read them before. */
export function inPlaceLiveNames(signing: InPlaceSigning): Set<string> {
  const { site, accessKey, secret, keptHeaders } = signing;
  const nodes = [...site.reads, site.body, accessKey, secret, ...keptHeaders];
  return new Set(namesRead(nodes));
}

/** Stops with the reason when a value the signing expression writes would not mean the same where the headers are built. */
export function checkInPlaceSigning(sourceFile: SourceFile, signing: InPlaceSigning): void {
  const { headers, site } = signing;
  for (const node of [...site.reads, signing.accessKey, signing.secret]) {
    if (!readsSameAt(sourceFile, node, headers)) manual(`'${node.getText()}' is not visible where the headers are built`);
  }
  if (site.body && !site.bodyChecked) checkBody(sourceFile, site.body, headers);
}

/** The edit that replaces the headers object with the headers signRequest returns for the same request. */
export function signHeadersInPlace(sourceFile: SourceFile, signing: InPlaceSigning, signRequest: string, quote: string): TextEdit {
  const { headers, site } = signing;
  const text = sourceFile.getFullText();
  const statement = headers.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? headers;
  const indent = indentOf(text, headers.getStart());
  const inner = indent + indentUnit(text, statement);
  const kept = signing.keptHeaders.map((property) => keptHeaderText(sourceFile, property));
  const lines = [
    entry('method', site.method),
    entry('url', site.url),
    ...(kept.length > 0 ? [`headers: { ${kept.join(', ')} }`] : []),
    ...(site.body ? [entry('body', site.body.getText())] : []),
  ];
  const trailing = usesTrailingCommas(text);
  const request = `{\n${lines.map((line, index) => `${inner}${line}${index < lines.length - 1 || trailing ? ',' : ''}`).join('\n')}\n${indent}}`;
  const replacement = `${signRequest}(${request}, ${signingOptions(sourceFile, signing, quote)}).headers`;
  return { filePath: sourceFile.getFilePath(), start: headers.getStart(), end: headers.getEnd(), text: replacement };
}
