// The service and region a SigV2 query signer signs for when its host is known only at run time
// (`this.host`, `self.queueUrl.host`, a parameter): the service from what the file shows (the API
// Version date, the endpoint prefix of a default host), the region read from that host when the
// request is signed, by the helper's regionFromHost.
import { Node, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { constInitializer, declarationAt, referencesTo, soleVariableInitializer } from './bindings';
import { calledThisMethod, soleReturnExpression } from './class-methods';
import { innermostExpression, isStringLike } from './expressions';
import { manual } from './manual-work';
import { namesExportedSeparately } from './module-exports';
import { urlAlternatives } from './ses-signing-target';
import type { SigningTarget } from './ses-signing-target';
import { findQueryParameter } from './sigv2-query-params';
import { SIGV2_ONLY_QUERY_SERVICES, SigV2OnlyService, serviceOfHost, serviceOfRunTimeRegionHost } from './sigv2-query-target';

/** Query API versions that belong to one service each (signing names), as AWS documents them. */
const API_VERSION_SERVICES: Readonly<Record<string, string>> = {
  '2016-11-15': 'ec2',
  '2012-11-05': 'sqs',
  '2011-06-15': 'sts',
  '2010-12-01': 'ses',
  '2010-03-31': 'sns',
  '2010-08-01': 'monitoring',
  '2010-05-08': 'iam',
  '2009-04-15': 'sdb',
  // CloudSearch's configuration API, both versions (the search and document APIs are not SigV2 queries).
  '2011-02-01': 'cloudsearch',
  '2013-01-01': 'cloudsearch',
};

/** True when the host the query is signed for is not written in the file (a parameter, a field set from options, an environment variable). */
export function isRunTimeHost(sourceFile: SourceFile, host: Node): boolean {
  return urlAlternatives(sourceFile, host).some((alternative) => /[\0\u0002]/.test(alternative));
}

/** `Client.prototype.name = function () { return 'x'; }` or a class method `name() { return 'x'; }`: the one such method in the file. */
function methodReturning(sourceFile: SourceFile, name: string): Node | undefined {
  const prototypeMethods = sourceFile.getDescendantsOfKind(SyntaxKind.BinaryExpression).flatMap((assignment) => {
    const target = assignment.getLeft();
    const isPrototypeMember = Node.isPropertyAccessExpression(target) && target.getName() === name && target.getExpression().getText().endsWith('.prototype');
    const value = assignment.getRight();
    return isPrototypeMember && Node.isFunctionExpression(value) ? [value] : [];
  });
  const classMethods = sourceFile.getDescendantsOfKind(SyntaxKind.MethodDeclaration).filter((method) => method.getName() === name);
  const methods = [...prototypeMethods, ...classMethods];
  const statements = methods.length === 1 ? methods[0]!.getBody()?.getChildrenOfKind(SyntaxKind.SyntaxList)[0]?.getChildren() : undefined;
  const only = statements?.length === 1 ? statements[0] : undefined;
  return Node.isReturnStatement(only) ? only.getExpression() : undefined;
}

/** `const NAME = …`, or a `var`/`let` the file never assigns again (`var API_VERSION = '2012-11-05'`): its initializer. */
function unchangedInitializer(sourceFile: SourceFile, name: string): Node | undefined {
  const isWritten = (identifier: Node) => {
    const parent = identifier.getParent();
    const operator = Node.isBinaryExpression(parent) && parent.getLeft() === identifier ? parent.getOperatorToken().getKind() : undefined;
    const isAssignment = operator !== undefined && operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment;
    const isStep = (Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(parent.getOperatorToken());
    return isAssignment || isStep;
  };
  return constInitializer(sourceFile, name) ?? (referencesTo(sourceFile, name).some(isWritten) ? undefined : soleVariableInitializer(sourceFile, name));
}

/** The string a value is when the file shows it: a literal, a const, `this.version()` / `self.version()` returning a literal. */
function writtenString(sourceFile: SourceFile, node: Node, depth = 0): string | undefined {
  const value = innermostExpression(node);
  if (isStringLike(value)) return value.getLiteralValue();
  if (depth > 2) return undefined;
  const constant = Node.isIdentifier(value) ? unchangedInitializer(sourceFile, value.getText()) : undefined;
  if (constant) return writtenString(sourceFile, constant, depth + 1);
  const method = Node.isCallExpression(value) && value.getArguments().length === 0 ? value.getExpression() : undefined;
  if (!Node.isPropertyAccessExpression(method)) return undefined;
  // Only the object's own method: `this.version()`, or `self.version()` with `var self = this`.
  const receiver = method.getExpression();
  const isOwn = Node.isThisExpression(receiver) || (Node.isIdentifier(receiver) && Node.isThisExpression(soleVariableInitializer(sourceFile, receiver.getText())));
  if (!isOwn) return undefined;
  const returned = calledThisMethod(value) ? soleReturnExpression(calledThisMethod(value)!) : methodReturning(sourceFile, method.getName());
  return returned && writtenString(sourceFile, returned, depth + 1);
}

/**
 * `signedQuery(host, …)` whose host is its parameter, called once in the file and not exported (so no
 * other caller passes another host): the value that one call passes for the host.
 */
function hostPassedByOnlyCaller(sourceFile: SourceFile, fn: Node, host: Node): Node | undefined {
  const parameter = Node.isIdentifier(host) ? declarationAt(sourceFile, host)?.node : undefined;
  if (!Node.isFunctionDeclaration(fn) || !Node.isParameterDeclaration(parameter) || parameter.getParent() !== fn) return undefined;
  const name = fn.getName();
  const isExported = fn.isExported() || fn.isDefaultExport() || (name !== undefined && namesExportedSeparately(sourceFile).has(name));
  const calls = sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => call.getExpression().getText() === name);
  return calls.length === 1 && !isExported ? calls[0]!.getArguments()[fn.getParameters().indexOf(parameter)] : undefined;
}

/** The service each host the value may be names, its region written or set at run time (`cloudsearch.${region}.amazonaws.com`). */
function hostServices(sourceFile: SourceFile, host: Node): string[] {
  const declaration = Node.isIdentifier(host) ? declarationAt(sourceFile, host)?.node : undefined;
  // A parameter is what its caller passes, never another variable of the same name elsewhere in the file.
  if (Node.isParameterDeclaration(declaration)) return [];
  const isConst = Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const;
  // `var SNS_HOST = 'sns.us-west-2.amazonaws.com'`, never assigned again, shows its service like a const.
  const written = isConst ? declaration.getInitializer() : Node.isIdentifier(host) ? unchangedInitializer(sourceFile, host.getText()) : undefined;
  return urlAlternatives(sourceFile, written ?? host).flatMap((alternative) => serviceOfHost(alternative) ?? serviceOfRunTimeRegionHost(alternative) ?? []);
}

/** The services the file shows the signer is for: its Version's API, the prefix of each host the host value (or the one caller's) may be. */
function servicesShown(sourceFile: SourceFile, fn: Node, host: Node): Set<string> {
  const version = findQueryParameter(fn, 'Version');
  const date = version && writtenString(sourceFile, version.value);
  const passed = hostPassedByOnlyCaller(sourceFile, fn, host);
  const services = new Set([...hostServices(sourceFile, host), ...(passed ? hostServices(sourceFile, passed) : [])]);
  if (date && API_VERSION_SERVICES[date]) services.add(API_VERSION_SERVICES[date]);
  return services;
}

/**
 * The target of a signer whose host is only known at run time: `{ service, region: regionFromHost(<host>) }`;
 * manual, naming what to write, when the file does not show the service or shows several.
 * `regionFromHost` is called only once the rewrite is certain (it records the helper import).
 */
export function runTimeHostTarget(sourceFile: SourceFile, fn: Node, host: Node, regionFromHost: () => string): SigningTarget {
  const services = servicesShown(sourceFile, fn, host);
  const hostText = host.getText();
  if (services.size === 0) manual(`the service is not visible (host \`${hostText}\` and API Version are set at run time), so sign with it written out, like \`service: 'sqs'\`, and \`region: regionFromHost(${hostText})\``);
  if (services.size > 1) manual(`the signer's API Version and default host name different services (${[...services].join(', ')})`);
  const service = [...services][0]!;
  if (SIGV2_ONLY_QUERY_SERVICES.has(service)) throw new SigV2OnlyService(service);
  return { service, region: `${regionFromHost()}(${hostText})` };
}
