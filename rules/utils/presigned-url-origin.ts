// Tells where a URL expression comes from, without type information: an S3 presign in the same
// file (with the Content-Type it signed), a value whose name marks a presigned URL, or something
// that is certainly not an S3 presigned URL (a literal endpoint, another store's signed URL).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { variableOf } from '../values/syntax';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getPropertyKeyName } from './static-value';
import { requestsPresignEndpoint, responseOfBody } from './presign-endpoint-requests';
import { isHelperPresignCall, matchPresignCall } from './s3-presign-calls';
import type { PresignNames, SignedContentType } from './s3-presign-calls';
import { writtenValues } from './variable-writes';
import type { ValueTracker } from '../values';
import { isFunctionNode } from '../values/syntax';

export type UrlOrigin =
  /** `signsContentType`: false when the presign visibly leaves Content-Type out of the signature. */
  | { kind: 'presign'; contentType: SignedContentType; signsContentType: boolean }
  /** Only the name (`signedUrl`, `data.uploadUrl`) says it is presigned. */
  | { kind: 'named' }
  | { kind: 'not-presigned' };

export interface UrlOriginContext {
  names: PresignNames;
  /** The file's value layer: lets a parameter be judged by what every call in the file passes. */
  values?: ValueTracker;
  getScope: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  visitorKeys: TSESLint.SourceCode.VisitorKeys;
}

/** Names people give presigned upload URLs: signedUrl, presignedPutUrl, uploadURL, signed_request… */
const PRESIGNED_URL_NAME = /(?:presigned|signed)[a-z0-9]*(?:url|uri|request)s?$|(?:upload|put)(?:url|uri)s?$/;

/** Parts of a WHATWG or legacy URL object that carry the presigned URL along. */
const URL_PARTS = new Set(['href', 'pathname', 'search', 'path', 'host', 'hostname', 'origin']);

/** Keys under which an upload target or API response carries the URL to PUT to. */
const TARGET_URL_KEYS = new Set(['url', 'uri', 'href']);

/** Names of what hands out a presigned upload: presignDocument, getSignedUrl, getUploadTarget, signed… */
const PRESIGN_SOURCE_NAME = /presign|^signed$|signed(?:url|uri|request|upload|put)|upload(?:url|uri|target|ticket|slot|link)/;

/** How many variable and function hops are followed. */
const MAX_DEPTH = 4;

/** Whether a name marks a presigned URL (case and `_`/`-` insensitive; `unsignedUrl` does not). */
export function isPresignedUrlName(name: string): boolean {
  const normalized = name.replace(/[-_$]/g, '').toLowerCase();
  return !normalized.includes('unsigned') && PRESIGNED_URL_NAME.test(normalized);
}

/** Whether a function or variable name says it hands out a presigned upload (not `unsigned…`). */
function isPresignSourceName(name: string | undefined): boolean {
  const normalized = name?.replace(/[-_$]/g, '').toLowerCase() ?? '';
  return !normalized.includes('unsigned') && PRESIGN_SOURCE_NAME.test(normalized);
}

function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = current.argument;
    } else if (
      current.type === AST_NODE_TYPES.TSAsExpression ||
      current.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.type === AST_NODE_TYPES.ChainExpression
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

function byName(name: string | undefined): UrlOrigin | undefined {
  return name !== undefined && isPresignedUrlName(name) ? { kind: 'named' } : undefined;
}

/**
 * The Content-Type several presigns a URL may come from agree on. A presign that signs none accepts
 * any type, so it does not disagree; two different types (or one not visible) leave it unknown.
 */
function agreedContentType(types: readonly SignedContentType[]): SignedContentType {
  const [first, ...rest] = types.filter((type) => type.kind !== 'absent');
  if (!first) return { kind: 'absent' };
  if (rest.length === 0) return first;
  const sameLiteral = first.kind === 'literal' && rest.every((type) => type.kind === 'literal' && type.value === first.value);
  if (sameLiteral) return first;
  const literals = [first, ...rest].flatMap((type) => (type.kind === 'literal' ? [type.value] : []));
  // Every presign names its type: the upload must send one of them, whichever URL it got.
  return literals.length === rest.length + 1 ? { kind: 'unknown', candidates: [...new Set(literals)] } : { kind: 'unknown' };
}

/**
 * A presign when any origin is one (with the type they all agree on, and signing it when any of
 * them may: that one answers 403), else the first named one.
 */
function strongest(origins: readonly (UrlOrigin | undefined)[]): UrlOrigin | undefined {
  const presigns = origins.flatMap((origin) => (origin?.kind === 'presign' ? [origin] : []));
  if (presigns.length > 0) {
    return {
      kind: 'presign',
      contentType: agreedContentType(presigns.map((presign) => presign.contentType)),
      signsContentType: presigns.some((presign) => presign.signsContentType),
    };
  }
  return origins.find((origin) => origin?.kind === 'named');
}

/** Expressions a function returns (its expression body, or `return` arguments outside nested functions). */
export function collectReturnedExpressions(fn: TSESTree.FunctionLike, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) returned.push(node.argument);
      return;
    }
    if (
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
  };
  fn.body.body.forEach(visit);
  return returned;
}

/** The function a callee identifier names in this file, if any. */
function findLocalFunction(callee: TSESTree.Identifier, context: UrlOriginContext): TSESTree.FunctionLike | undefined {
  const variable = variableOf(callee, context.getScope(callee));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const node = definition?.node;
  if (node?.type === AST_NODE_TYPES.FunctionDeclaration) return node;
  if (
    node?.type === AST_NODE_TYPES.VariableDeclarator &&
    (node.init?.type === AST_NODE_TYPES.ArrowFunctionExpression || node.init?.type === AST_NODE_TYPES.FunctionExpression)
  ) {
    return node.init;
  }
  return undefined;
}

function resolveCall(call: TSESTree.CallExpression, context: UrlOriginContext, depth: number): UrlOrigin | undefined {
  const match = matchPresignCall(call, context.getScope(call), context.names);
  if (match?.kind === 'aws-put') return { kind: 'presign', contentType: match.contentType, signsContentType: match.signsContentType };
  if (match) return { kind: 'not-presigned' };
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && call.arguments[0]) {
    return resolveWithin(call.arguments[0], context, depth);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyKeyName(callee) === 'toString') {
    return resolveWithin(callee.object, context, depth);
  }
  if (callee.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
    const fn = findLocalFunction(callee, context);
    if (fn) {
      return strongest(collectReturnedExpressions(fn, context.visitorKeys).map((node) => resolveWithin(node, context, depth + 1)));
    }
  }
  return undefined;
}

/** The name a call's callee goes by: `presignDocument(…)`, `api.getUploadTarget(…)`. */
function calleeName(call: TSESTree.CallExpression): string | undefined {
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyKeyName(callee) : undefined;
}

/** The call a function is passed to as a callback (`getSignedUrl(id, function (err, target) {…})`). */
function callbackHost(fn: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== fn ? parent : undefined;
}

/**
 * Whether an object comes from something named as handing out a presigned upload: a call of
 * `presignDocument`/`getUploadTarget`, a callback of `getSignedUrl`, a variable named `signed`, or
 * a parameter every caller in the file passes such a value to.
 */
function comesFromPresignSource(node: TSESTree.Node, context: UrlOriginContext, depth: number): boolean {
  if (depth >= MAX_DEPTH) return false;
  const expression = unwrapExpression(node);
  const response = responseOfBody(expression);
  if (response) return comesFromPresignSource(response, context, depth + 1);
  if (expression.type === AST_NODE_TYPES.CallExpression) return isPresignSourceName(calleeName(expression)) || requestsPresignEndpoint(expression);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  if (isPresignSourceName(expression.name)) return true;
  const variable = variableOf(expression, context.getScope(expression));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition) return false;
  const fn = definition.node;
  if (isFunctionNode(fn) && fn.params.some((param) => param === definition.name)) {
    const host = callbackHost(fn);
    if (host) return isPresignSourceName(calleeName(host));
    const index = fn.params.findIndex((param) => param === definition.name);
    const sites = context.values?.callSites(fn);
    if (!sites || sites.open || sites.calls.length === 0) return false;
    return sites.calls.every((call) => {
      const argument = call.arguments[index];
      return argument !== undefined && argument.type !== AST_NODE_TYPES.SpreadElement && comesFromPresignSource(argument, context, depth + 1);
    });
  }
  if (fn.type !== AST_NODE_TYPES.VariableDeclarator || fn.id.type !== AST_NODE_TYPES.Identifier) return false;
  const written = writtenValues(variable);
  return written.length > 0 && written.every((value) => comesFromPresignSource(value, context, depth + 1));
}

/**
 * Where the value under `key` of an object comes from, when the object is a literal the source shows:
 * inline, in a `const`, or returned by a local function (`return { url, key }` after a presign).
 */
function resolveProperty(node: TSESTree.Node, key: string, context: UrlOriginContext, depth: number): UrlOrigin | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const property = expression.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && getPropertyKeyName(candidate) === key,
    );
    return property ? resolveWithin(property.value, context, depth + 1) : undefined;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier) {
    const fn = findLocalFunction(expression.callee, context);
    const returned = fn ? collectReturnedExpressions(fn, context.visitorKeys) : [];
    return strongest(returned.map((value) => resolveProperty(value, key, context, depth + 1)));
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(expression, context.getScope(expression));
  const declarator = variable?.defs.length === 1 ? variable.defs[0]?.node : undefined;
  if (!variable || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return strongest(writtenValues(variable).map((value) => resolveProperty(value, key, context, depth + 1)));
}

/** A URL read as `key` of a value: from the object literal that holds it, else by the names on the way. */
function resolveKeyOf(object: TSESTree.Node, key: string, context: UrlOriginContext, depth: number): UrlOrigin | undefined {
  // Only a presign counts: the literal may be written over later (`target.signedUrl = await …`).
  const held = resolveProperty(object, key, context, depth);
  if (held?.kind === 'presign') return held;
  if (TARGET_URL_KEYS.has(key) && comesFromPresignSource(object, context, depth)) return { kind: 'named' };
  return byName(key);
}

function resolveMember(member: TSESTree.MemberExpression, context: UrlOriginContext, depth: number): UrlOrigin | undefined {
  const object = unwrapExpression(member.object);
  const name = getPropertyKeyName(member);
  if (object.type === AST_NODE_TYPES.CallExpression && isHelperPresignCall(object, context.names) && name === 'url') {
    return resolveCall(object, context, depth);
  }
  if (name !== undefined && URL_PARTS.has(name)) return resolveWithin(object, context, depth);
  const objectOrigin = resolveWithin(object, context, depth);
  if (objectOrigin?.kind === 'not-presigned') return objectOrigin;
  if (name === undefined) return objectOrigin?.kind === 'named' ? objectOrigin : undefined;
  return resolveKeyOf(object, name, context, depth);
}

/** The key an identifier was taken from in a destructuring pattern, and whether from a nested one (`{ data: { url } }`). */
function findDestructuredKey(pattern: TSESTree.ObjectPattern, identifier: TSESTree.Identifier): { key: string | undefined; nested: boolean } | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === identifier.name) return { key: getPropertyKeyName(property), nested: false };
    const inner = value.type === AST_NODE_TYPES.ObjectPattern ? findDestructuredKey(value, identifier) : undefined;
    if (inner) return { key: inner.key, nested: true };
  }
  return undefined;
}

function resolveDestructured(
  declarator: TSESTree.VariableDeclarator,
  identifier: TSESTree.Identifier,
  context: UrlOriginContext,
  depth: number,
): UrlOrigin | undefined {
  if (!declarator.init) return byName(identifier.name);
  const init = unwrapExpression(declarator.init);
  const found = declarator.id.type === AST_NODE_TYPES.ObjectPattern ? findDestructuredKey(declarator.id, identifier) : undefined;
  const key = found?.key;
  // A key taken from deeper down (`{ data: { url } }`) is only judged by where the whole value comes from.
  if (found?.nested) return byName(identifier.name) ?? (key !== undefined && TARGET_URL_KEYS.has(key) && comesFromPresignSource(init, context, depth) ? { kind: 'named' } : undefined);
  if (init.type === AST_NODE_TYPES.CallExpression) {
    if (isHelperPresignCall(init, context.names)) return key === 'url' ? resolveCall(init, context, depth) : undefined;
    const match = matchPresignCall(init, context.getScope(init), context.names);
    if (match && match.kind !== 'aws-put') return { kind: 'not-presigned' };
  }
  if (key !== undefined && URL_PARTS.has(key)) return resolveWithin(init, context, depth);
  const initOrigin = resolveWithin(init, context, depth);
  if (initOrigin?.kind === 'not-presigned') return initOrigin;
  return byName(identifier.name) ?? (key === undefined ? undefined : resolveKeyOf(init, key, context, depth));
}

function resolveIdentifier(identifier: TSESTree.Identifier, context: UrlOriginContext, depth: number): UrlOrigin | undefined {
  const variable = variableOf(identifier, context.getScope(identifier));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const parameterIndex = definition && isFunctionNode(definition.node) ? definition.node.params.findIndex((param) => param === definition.name) : -1;
  if (definition && depth < MAX_DEPTH && isFunctionNode(definition.node) && parameterIndex >= 0) {
    return resolveParameter(definition.node, parameterIndex, identifier, context, depth);
  }
  if (!variable || definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || depth >= MAX_DEPTH) {
    return byName(identifier.name);
  }
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return resolveDestructured(declarator, identifier, context, depth + 1);
  const origins = writtenValues(variable).map((expression) => resolveWithin(expression, context, depth + 1));
  const known = strongest(origins);
  if (known) return known;
  if (origins.length === 1 && origins[0]?.kind === 'not-presigned') return origins[0];
  return byName(identifier.name);
}

/**
 * A parameter's URL comes from the arguments of every call in the file, when no caller outside it can
 * pass one; a visible presign among them says more than the parameter's name.
 */
function resolveParameter(
  fn: Parameters<ValueTracker['callSites']>[0],
  index: number,
  identifier: TSESTree.Identifier,
  context: UrlOriginContext,
  depth: number,
): UrlOrigin | undefined {
  const sites = context.values?.callSites(fn);
  if (!sites || sites.open || sites.calls.length === 0) return byName(identifier.name);
  const origins = sites.calls.map((call) => {
    const argument = call.arguments[index];
    return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? resolveWithin(argument, context, depth + 1) : undefined;
  });
  return strongest(origins) ?? byName(identifier.name);
}

function resolveConcatenated(parts: readonly TSESTree.Node[], context: UrlOriginContext, depth: number): UrlOrigin {
  return strongest(parts.map((part) => resolveWithin(part, context, depth))) ?? { kind: 'not-presigned' };
}

function resolveWithin(node: TSESTree.Node, context: UrlOriginContext, depth: number): UrlOrigin | undefined {
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(expression, context, depth);
    case AST_NODE_TYPES.MemberExpression:
      return resolveMember(expression, context, depth);
    case AST_NODE_TYPES.CallExpression:
      return resolveCall(expression, context, depth);
    case AST_NODE_TYPES.NewExpression:
      return expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'URL' && expression.arguments[0]
        ? resolveWithin(expression.arguments[0], context, depth)
        : undefined;
    case AST_NODE_TYPES.Literal:
      return { kind: 'not-presigned' };
    case AST_NODE_TYPES.TemplateLiteral:
      return resolveConcatenated(expression.expressions, context, depth);
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === '+' ? resolveConcatenated([expression.left, expression.right], context, depth) : undefined;
    default:
      return undefined;
  }
}

/** Where a URL expression comes from; undefined when nothing marks it either way. */
export function resolveUrlOrigin(node: TSESTree.Node, context: UrlOriginContext): UrlOrigin | undefined {
  return resolveWithin(node, context, 0);
}

/** Where the URL a function returns comes from (for a codemod that follows an import to it). */
export function resolveReturnedOrigin(fn: TSESTree.FunctionLike, context: UrlOriginContext): UrlOrigin | undefined {
  return strongest(collectReturnedExpressions(fn, context.visitorKeys).map((node) => resolveWithin(node, context, 1)));
}
