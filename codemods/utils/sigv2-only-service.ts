// SimpleDB and AWS Import/Export accept only Signature Version 2: their `signatureVersion: 'v2'` is
// right and never rewritten (issue 14.8), whether in a client's config or in aws-sdk's own region
// tables (`'*/sdb': { signatureVersion: 'v2' }`).
import { Node, SyntaxKind } from 'ts-morph';
import { findProperty, innermostExpression, isStringLike, propertyName } from './expressions';

/** Client class names, endpoint prefixes and service ids of the SigV2-only services. */
const SIGV2_ONLY_CLIENTS = new Set(['SimpleDB', 'ImportExport']);
const SIGV2_ONLY_PREFIXES = new Set(['sdb', 'importexport', 'SimpleDB', 'ImportExport']);

function stringValue(object: Node, name: string): string | undefined {
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  const property = findProperty(object, name);
  const value = Node.isPropertyAssignment(property) ? innermostExpression(property.getInitializerOrThrow()) : undefined;
  return isStringLike(value) ? value.getLiteralValue() : undefined;
}

/** `new AWS.SimpleDB(config)`, `new SimpleDB(config)`: the constructor's class name. */
function constructedClassName(object: Node): string | undefined {
  const parent = object.getParent();
  if (!Node.isNewExpression(parent)) return undefined;
  const callee = innermostExpression(parent.getExpression());
  if (Node.isIdentifier(callee)) return callee.getText();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

/** `const config = { … }; new AWS.SimpleDB(config)`: the variable is passed to a SigV2-only client. */
function isPassedToSigV2OnlyClient(object: Node): boolean {
  const declaration = object.getParent();
  if (!Node.isVariableDeclaration(declaration)) return false;
  const name = declaration.getName().replace(/\$/g, '\\$');
  const construction = new RegExp(`new\\s+(?:[\\w$]+\\.)?(?:${[...SIGV2_ONLY_CLIENTS].join('|')})\\s*\\(\\s*${name}\\b`);
  return construction.test(object.getSourceFile().getFullText());
}

/** True when the object literal holding `setting` configures a service that speaks only SigV2. */
export function isSigV2OnlyServiceConfig(setting: Node): boolean {
  const object = setting.getFirstAncestorByKind(SyntaxKind.ObjectLiteralExpression);
  if (!object) return false;
  const holder = object.getParent();
  // aws-sdk's region table: '<region>/<service>': { …, signatureVersion: 'v2' }
  const key = Node.isPropertyAssignment(holder) ? propertyName(holder) : undefined;
  const service = key?.split('/').pop();
  const prefixes = [service, stringValue(object, 'endpointPrefix'), stringValue(object, 'signingName'), stringValue(object, 'serviceId')];
  if (prefixes.some((prefix) => prefix !== undefined && SIGV2_ONLY_PREFIXES.has(prefix))) return true;
  const className = constructedClassName(object);
  return (className !== undefined && SIGV2_ONLY_CLIENTS.has(className)) || isPassedToSigV2OnlyClient(object);
}
