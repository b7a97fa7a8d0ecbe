// Recognises HTTP PUT requests in the shapes of the common clients (fetch, axios, got, ky,
// superagent, XMLHttpRequest, node's http(s).request, undici's request, jQuery's ajax, Angular's
// HttpClient) and reads, for each, the URL, the body and
// whether a Content-Type header is set, plus where one could be added.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { variableOf } from '../values/syntax';
import type { TSESTree } from '@typescript-eslint/utils';
import { defaultContentType } from './client-default-headers';
import { isUndeclaredGlobal, skipTypeWrappers, staticKeyName } from './const-binding';
import type { ScopeOf } from './const-binding';
import { findObjectProperty, resolveObjectLiteral } from './object-literal';
import { getPropertyKeyName, getStaticString } from './static-value';
import type { ImportedLocal } from './top-level-imports';

export type HttpClient =
  | 'fetch'
  | 'axios'
  | 'got'
  | 'ky'
  | 'superagent'
  | 'XMLHttpRequest'
  | 'https.request'
  | 'undici.request'
  | 'jQuery.ajax'
  | 'HttpClient';

/** Where a missing Content-Type header goes, in the client's own shape. */
export type HeaderInsertion =
  /** Into an existing headers object literal. */
  | { kind: 'header-property'; object: TSESTree.ObjectExpression }
  /** A new `headers: { … }` property in the request's options object. */
  | { kind: 'headers-property'; object: TSESTree.ObjectExpression }
  /** A new options argument `{ headers: { … } }` after this argument (axios.put without config). */
  | { kind: 'options-argument'; after: TSESTree.Node }
  /** `xhr.setRequestHeader('Content-Type', …)` after the `open` statement. */
  | { kind: 'xhr-statement'; statement: TSESTree.ExpressionStatement; receiver: string }
  /** A new property `name: …` in the request's settings object (jQuery's `contentType`). */
  | { kind: 'option-property'; object: TSESTree.ObjectExpression; name: string }
  /** `.set('Content-Type', …)` chained right after superagent's `put(url)`. */
  | { kind: 'superagent-set'; call: TSESTree.CallExpression };

export type ContentTypeHeader =
  | { kind: 'set'; value: TSESTree.Node }
  | { kind: 'missing'; insertion: HeaderInsertion | undefined }
  /** Headers the source does not show (a variable, a spread, a computed name). */
  | { kind: 'unknown' };

export interface PutRequest {
  client: HttpClient;
  /** The node a report names: the request call (`open(…)` for XHR, `put(url)` for superagent). */
  call: TSESTree.CallExpression;
  url: TSESTree.Node;
  body: TSESTree.Node | undefined;
  /** A body given through a serialising option (got/ky `json`, got `form`). */
  serialisedAs: 'json' | 'form' | undefined;
  contentType: ContentTypeHeader;
  /** The method literal, whose quote style a fix copies. */
  methodNode: TSESTree.Node | undefined;
}

const CLIENT_MODULES: ReadonlyMap<string, HttpClient> = new Map(Object.entries({
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  'ky-universal': 'ky',
  superagent: 'superagent',
  'node-fetch': 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  undici: 'fetch',
  http: 'https.request',
  https: 'https.request',
  'node:http': 'https.request',
  'node:https': 'https.request',
} satisfies Record<string, HttpClient>));
const CLIENT_GLOBALS = new Set(['fetch', 'axios', 'got', 'ky', 'superagent']);
const FETCH_HOLDERS = new Set(['window', 'globalThis', 'self', 'global']);
/** Factories returning a client of the same kind: `axios.create()`, `got.extend()`, `ky.create()`. */
const CLIENT_FACTORIES = new Set(['create', 'extend']);

export interface PutCallContext {
  imports: ReadonlyMap<string, ImportedLocal>;
  scopeOf: ScopeOf;
}

/** The client an identifier stands for: an import, a global, or `axios.create()` kept in a variable. */
function clientOfIdentifier(identifier: TSESTree.Identifier, context: PutCallContext): HttpClient | undefined {
  const imported = context.imports.get(identifier.name);
  if (imported) {
    if (imported.source === 'undici' && imported.export === 'request') return 'undici.request';
    const client = CLIENT_MODULES.get(imported.source);
    if (client === 'https.request') return imported.export === 'request' ? client : undefined;
    if (client === 'fetch') return imported.export === '*' || imported.export === 'fetch' ? client : undefined;
    return imported.export === '*' ? client : undefined;
  }
  if (CLIENT_GLOBALS.has(identifier.name) && isUndeclaredGlobal(identifier, context.scopeOf)) {
    return identifier.name as HttpClient;
  }
  const variable = variableOf(identifier, context.scopeOf(identifier));
  const declarator = variable?.defs.length === 1 ? variable.defs[0]?.node : undefined;
  const init = declarator?.type === AST_NODE_TYPES.VariableDeclarator ? declarator.init : undefined;
  if (
    init?.type === AST_NODE_TYPES.CallExpression &&
    init.callee.type === AST_NODE_TYPES.MemberExpression &&
    init.callee.object.type === AST_NODE_TYPES.Identifier &&
    CLIENT_FACTORIES.has(getPropertyKeyName(init.callee) ?? '')
  ) {
    const base = clientOfIdentifier(init.callee.object, context);
    return base === 'axios' || base === 'got' || base === 'ky' ? base : undefined;
  }
  return undefined;
}

/** The module object (`https`, `axios`) a member call is made on. */
function clientOfModuleObject(object: TSESTree.Identifier, context: PutCallContext): HttpClient | undefined {
  const imported = context.imports.get(object.name);
  if (imported?.export === '*' && CLIENT_MODULES.get(imported.source) === 'https.request') return 'https.request';
  return clientOfIdentifier(object, context);
}

function staticUpper(node: TSESTree.Node | undefined, context: PutCallContext): string | undefined {
  return node ? getStaticString(node, context.scopeOf(node))?.toUpperCase() : undefined;
}

function propertyValue(options: TSESTree.Node | undefined, name: string, context: PutCallContext): TSESTree.Node | undefined {
  if (!options) return undefined;
  const lookup = findObjectProperty(options, name, context.scopeOf);
  return lookup.kind === 'found' ? lookup.value : undefined;
}

/**
 * The object literal a headers or options value is written as, where a property can be added for
 * this request alone: inline, or in a `const x = { … }` read only here (a literal other code also
 * reads is shared, and adding to it would change those requests too).
 */
function ownObjectLiteral(node: TSESTree.Node, context: PutCallContext): TSESTree.ObjectExpression | undefined {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(expression, context.scopeOf(expression));
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const references = variable?.references ?? [];
  const onlyReadHere = references.every((reference) => reference.identifier === expression || reference.init === true);
  const init = skipTypeWrappers(declarator.init);
  return onlyReadHere && references.length === 2 && init.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

/** Constructors taking a headers object: fetch's `Headers`, Angular's `HttpHeaders`. */
const HEADERS_CONSTRUCTORS = new Set(['Headers', 'HttpHeaders']);

/** Reads the Content-Type of a headers value: an object literal, `new Headers({…})`, or unknown. */
function readHeadersObject(headers: TSESTree.Node, context: PutCallContext): ContentTypeHeader {
  let source = headers;
  if (
    source.type === AST_NODE_TYPES.NewExpression &&
    source.callee.type === AST_NODE_TYPES.Identifier &&
    HEADERS_CONSTRUCTORS.has(source.callee.name)
  ) {
    const [init] = source.arguments;
    if (!init) return { kind: 'missing', insertion: undefined };
    source = init;
  }
  const object = resolveObjectLiteral(source, context.scopeOf);
  if (!object) return { kind: 'unknown' };
  const own = ownObjectLiteral(source, context) === object;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return { kind: 'unknown' };
    const name = getPropertyKeyName(property);
    if (name === undefined) return { kind: 'unknown' };
    if (name.toLowerCase() === 'content-type') return { kind: 'set', value: property.value };
  }
  return { kind: 'missing', insertion: own ? { kind: 'header-property', object } : undefined };
}

/** The Content-Type of an options object with a `headers` property (fetch, axios, got, ky, https). */
function readOptionsHeaders(options: TSESTree.Node | undefined, context: PutCallContext): ContentTypeHeader {
  if (!options) return { kind: 'missing', insertion: undefined };
  const lookup = findObjectProperty(options, 'headers', context.scopeOf);
  if (lookup.kind === 'unknown') return { kind: 'unknown' };
  if (lookup.kind === 'found') return readHeadersObject(lookup.value, context);
  const object = ownObjectLiteral(options, context);
  return { kind: 'missing', insertion: object ? { kind: 'headers-property', object } : undefined };
}

function optionsArgument(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return node && node.type !== AST_NODE_TYPES.SpreadElement ? node : undefined;
}

/** fetch, and undici's `request`, which takes the same `(url, { method, headers, body })`. */
function matchFetch(call: TSESTree.CallExpression, context: PutCallContext, client: 'fetch' | 'undici.request' = 'fetch'): PutRequest | undefined {
  const [url, init] = call.arguments;
  const options = optionsArgument(init);
  const methodNode = propertyValue(options, 'method', context);
  if (!url || !options || staticUpper(methodNode, context) !== 'PUT') return undefined;
  return {
    client,
    call,
    url,
    body: propertyValue(options, 'body', context),
    serialisedAs: undefined,
    contentType: readOptionsHeaders(options, context),
    methodNode,
  };
}

/** got, ky: `client.put(url, options)` or `client(url, { method: 'PUT' })`. */
function matchGotOrKy(
  client: 'got' | 'ky',
  call: TSESTree.CallExpression,
  viaPutMethod: boolean,
  context: PutCallContext,
): PutRequest | undefined {
  const [first, second] = call.arguments;
  const firstIsOptions = first?.type === AST_NODE_TYPES.ObjectExpression;
  const options = optionsArgument(firstIsOptions ? first : second);
  const url = firstIsOptions ? propertyValue(options, 'url', context) : optionsArgument(first);
  const methodNode = propertyValue(options, 'method', context);
  if (!url || (!viaPutMethod && staticUpper(methodNode, context) !== 'PUT')) return undefined;
  const json = propertyValue(options, 'json', context);
  const form = client === 'got' ? propertyValue(options, 'form', context) : undefined;
  return {
    client,
    call,
    url,
    body: propertyValue(options, 'body', context) ?? json ?? form,
    serialisedAs: json ? 'json' : form ? 'form' : undefined,
    contentType: readOptionsHeaders(options, context),
    methodNode,
  };
}

/** axios: `axios.put(url, data, config)`, `axios(config)`, `axios(url, config)`, `axios.request(config)`. */
function matchAxios(call: TSESTree.CallExpression, method: string | undefined, context: PutCallContext): PutRequest | undefined {
  const args = call.arguments.map(optionsArgument);
  if (method === 'put') {
    const [url, data, config] = args;
    if (!url || !data) return undefined;
    const contentType = config ? readOptionsHeaders(config, context) : ({ kind: 'missing', insertion: { kind: 'options-argument', after: data } } as const);
    return { client: 'axios', call, url, body: data, serialisedAs: undefined, contentType, methodNode: undefined };
  }
  if (method !== undefined && method !== 'request') return undefined;
  const [first, second] = args;
  const firstIsUrl = first !== undefined && first.type !== AST_NODE_TYPES.ObjectExpression && second !== undefined;
  const config = firstIsUrl ? second : first;
  const methodNode = propertyValue(config, 'method', context);
  const url = firstIsUrl ? first : propertyValue(config, 'url', context);
  if (!url || staticUpper(methodNode, context) !== 'PUT') return undefined;
  return {
    client: 'axios',
    call,
    url,
    body: propertyValue(config, 'data', context),
    serialisedAs: undefined,
    contentType: readOptionsHeaders(config, context),
    methodNode,
  };
}

/** node: `https.request(url, options, callback)` or `https.request(options, callback)`. */
function matchNodeRequest(call: TSESTree.CallExpression, context: PutCallContext): PutRequest | undefined {
  const [first, second] = call.arguments.map(optionsArgument);
  if (!first) return undefined;
  const firstIsOptions = resolveObjectLiteral(first, context.scopeOf) !== undefined;
  const options = firstIsOptions ? first : second && resolveObjectLiteral(second, context.scopeOf) ? second : undefined;
  const methodNode = propertyValue(options, 'method', context);
  if (!options || staticUpper(methodNode, context) !== 'PUT') return undefined;
  return {
    client: 'https.request',
    call,
    url: first,
    body: undefined,
    serialisedAs: undefined,
    contentType: readOptionsHeaders(options, context),
    methodNode,
  };
}

/** Content-Type set by a superagent `.set(name, value)` / `.set({ … })` / `.type(value)` call. */
function readSuperagentSet(method: string, args: readonly TSESTree.Node[], context: PutCallContext): ContentTypeHeader | undefined {
  const [name, value] = args;
  if (method === 'type') return name ? { kind: 'set', value: name } : undefined;
  if (method !== 'set' || !name) return undefined;
  if (value === undefined) {
    const headers = readHeadersObject(name, context);
    return headers.kind === 'missing' ? undefined : headers;
  }
  const headerName = getStaticString(name, context.scopeOf(name));
  if (headerName === undefined) return { kind: 'unknown' };
  return headerName.toLowerCase() === 'content-type' ? { kind: 'set', value } : undefined;
}

/** superagent: `request.put(url)` or `request('PUT', url)`, read along its `.set/.type/.send` chain. */
function matchSuperagent(call: TSESTree.CallExpression, url: TSESTree.Node, methodNode: TSESTree.Node | undefined, context: PutCallContext): PutRequest {
  let contentType: ContentTypeHeader = { kind: 'missing', insertion: { kind: 'superagent-set', call } };
  let body: TSESTree.Node | undefined;
  let isMultipart = false;
  let link: TSESTree.Node = call;
  while (
    link.parent?.type === AST_NODE_TYPES.MemberExpression &&
    link.parent.object === link &&
    link.parent.parent.type === AST_NODE_TYPES.CallExpression &&
    link.parent.parent.callee === link.parent
  ) {
    const chained: TSESTree.CallExpression = link.parent.parent;
    const method = getPropertyKeyName(link.parent) ?? '';
    const args = chained.arguments.flatMap((arg): TSESTree.Node[] => (arg.type === AST_NODE_TYPES.SpreadElement ? [] : [arg]));
    const header = readSuperagentSet(method, args, context);
    if (header && contentType.kind !== 'set') contentType = header;
    if (method === 'send' && args[0]) body = args[0];
    if (method === 'attach' || method === 'field') isMultipart = true;
    link = chained;
  }
  if (isMultipart) contentType = { kind: 'unknown' };
  return { client: 'superagent', call, url, body, serialisedAs: undefined, contentType, methodNode };
}

/** Nodes whose statements run in sequence, so a statement inserted after another runs right after it. */
const STATEMENT_LISTS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.StaticBlock,
]);

/** XMLHttpRequest: `xhr.open('PUT', url)` and, on the same variable, `setRequestHeader` and `send`. */
function matchXhrOpen(call: TSESTree.CallExpression, receiver: TSESTree.Identifier, context: PutCallContext): PutRequest | undefined {
  const [methodNode, url] = call.arguments.map(optionsArgument);
  if (!url || staticUpper(methodNode, context) !== 'PUT') return undefined;
  const variable = variableOf(receiver, context.scopeOf(receiver));
  if (!variable) return undefined;
  // A statement can follow `open` only where it sits in a statement list (not as `if (…) xhr.open(…)`).
  const statement =
    call.parent.type === AST_NODE_TYPES.ExpressionStatement && STATEMENT_LISTS.has(call.parent.parent.type) ? call.parent : undefined;
  let contentType: ContentTypeHeader = {
    kind: 'missing',
    insertion: statement ? { kind: 'xhr-statement', statement, receiver: receiver.name } : undefined,
  };
  let body: TSESTree.Node | undefined;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const invoked = member.parent;
    if (invoked.type !== AST_NODE_TYPES.CallExpression || invoked.callee !== member) continue;
    const method = getPropertyKeyName(member);
    const [first, second] = invoked.arguments.map(optionsArgument);
    if (method === 'send' && first) body = first;
    if (method === 'setRequestHeader' && first) {
      const name = getStaticString(first, context.scopeOf(first));
      if (name === undefined) contentType = { kind: 'unknown' };
      else if (name.toLowerCase() === 'content-type' && second && contentType.kind !== 'unknown') contentType = { kind: 'set', value: second };
    }
  }
  return { client: 'XMLHttpRequest', call, url, body, serialisedAs: undefined, contentType, methodNode };
}

/** `$`/`jQuery`: the global, an import of 'jquery', or the parameter of a `(function ($) {…})(jQuery)` wrapper. */
function isJquery(object: TSESTree.Identifier, context: PutCallContext): boolean {
  if (object.name !== '$' && object.name !== 'jQuery') return false;
  const imported = context.imports.get(object.name);
  if (imported) return imported.source === 'jquery';
  if (isUndeclaredGlobal(object, context.scopeOf)) return true;
  return variableOf(object, context.scopeOf(object))?.defs[0]?.type === 'Parameter';
}

/** jQuery's Content-Type: its `contentType` setting (`false`: none, the browser picks) or a `headers` entry. */
function readJquerySettings(settings: TSESTree.Node, context: PutCallContext): ContentTypeHeader {
  const contentType = findObjectProperty(settings, 'contentType', context.scopeOf);
  if (contentType.kind === 'unknown') return { kind: 'unknown' };
  if (contentType.kind === 'found') {
    const value = skipTypeWrappers(contentType.value);
    return value.type === AST_NODE_TYPES.Literal && value.value === false ? { kind: 'unknown' } : { kind: 'set', value: contentType.value };
  }
  const headers = readOptionsHeaders(settings, context);
  if (headers.kind !== 'missing') return headers;
  const object = ownObjectLiteral(settings, context);
  return { kind: 'missing', insertion: object ? { kind: 'option-property', object, name: 'contentType' } : undefined };
}

/** jQuery: `$.ajax({ url, type: 'PUT', data })` or `$.ajax(url, { method: 'PUT', data })`. */
function matchJqueryAjax(call: TSESTree.CallExpression, context: PutCallContext): PutRequest | undefined {
  const [first, second] = call.arguments.map(optionsArgument);
  const firstIsSettings = first !== undefined && resolveObjectLiteral(first, context.scopeOf) !== undefined;
  const settings = firstIsSettings ? first : second;
  if (!settings) return undefined;
  const methodNode = propertyValue(settings, 'method', context) ?? propertyValue(settings, 'type', context);
  const url = firstIsSettings ? propertyValue(settings, 'url', context) : first;
  if (!url || staticUpper(methodNode, context) !== 'PUT') return undefined;
  const body = propertyValue(settings, 'data', context);
  return { client: 'jQuery.ajax', call, url, body, serialisedAs: undefined, contentType: readJquerySettings(settings, context), methodNode };
}

/** A class member `name` holding Angular's HttpClient: `constructor(private http: HttpClient)`, `http = inject(HttpClient)`. */
function isAngularHttpClientMember(member: TSESTree.MemberExpression, context: PutCallContext): boolean {
  const name = getPropertyKeyName(member);
  const locals = [...context.imports].flatMap(([local, imported]) =>
    imported.source === '@angular/common/http' && imported.export === 'HttpClient' ? [local] : [],
  );
  if (name === undefined || locals.length === 0) return false;
  const isClientType = (annotation: TSESTree.TSTypeAnnotation | undefined): boolean =>
    annotation?.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    locals.includes(annotation.typeAnnotation.typeName.name);
  let node: TSESTree.Node | undefined = member;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  return (node?.body ?? []).some((element) => {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && staticKeyName(element.key, element.computed) === name) {
      const init = element.value;
      const injected =
        init?.type === AST_NODE_TYPES.CallExpression &&
        init.callee.type === AST_NODE_TYPES.Identifier &&
        init.callee.name === 'inject' &&
        init.arguments[0]?.type === AST_NODE_TYPES.Identifier &&
        locals.includes(init.arguments[0].name);
      return injected || isClientType(element.typeAnnotation);
    }
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor') return false;
    return element.value.params.some(
      (param) =>
        param.type === AST_NODE_TYPES.TSParameterProperty &&
        param.parameter.type === AST_NODE_TYPES.Identifier &&
        param.parameter.name === name &&
        isClientType(param.parameter.typeAnnotation),
    );
  });
}

/** Angular: `this.http.put(url, body, options)`. */
function matchAngularPut(call: TSESTree.CallExpression, context: PutCallContext): PutRequest | undefined {
  const [url, body, options] = call.arguments.map(optionsArgument);
  if (!url || !body) return undefined;
  const contentType = options ? readOptionsHeaders(options, context) : ({ kind: 'missing', insertion: { kind: 'options-argument', after: body } } as const);
  return { client: 'HttpClient', call, url, body, serialisedAs: undefined, contentType, methodNode: undefined };
}

/** A request whose client instance sends a Content-Type by default reads as one that sets it. */
function withClientDefault(request: PutRequest | undefined, client: TSESTree.Identifier, context: PutCallContext): PutRequest | undefined {
  if (request?.contentType.kind !== 'missing') return request;
  const value = defaultContentType(client, context.scopeOf);
  return value ? { ...request, contentType: { kind: 'set', value } } : request;
}

function matchMemberCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, context: PutCallContext): PutRequest | undefined {
  const method = getPropertyKeyName(callee);
  const object = callee.object;
  if (method === 'put' && object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.ThisExpression) {
    return isAngularHttpClientMember(object, context) ? matchAngularPut(call, context) : undefined;
  }
  if (method === 'open' && object.type === AST_NODE_TYPES.Identifier) {
    const opened = matchXhrOpen(call, object, context);
    if (opened) return opened;
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (method === 'fetch' && FETCH_HOLDERS.has(object.name)) return matchFetch(call, context);
  if (method === 'ajax') return isJquery(object, context) ? matchJqueryAjax(call, context) : undefined;
  if (method === 'request' && context.imports.get(object.name)?.source === 'undici') return matchFetch(call, context, 'undici.request');
  if (method !== 'put' && method !== 'request') return undefined;
  const client = clientOfModuleObject(object, context);
  switch (client) {
    case 'axios':
      return withClientDefault(matchAxios(call, method, context), object, context);
    case 'got':
    case 'ky':
      return method === 'put' ? withClientDefault(matchGotOrKy(client, call, true, context), object, context) : undefined;
    case 'superagent': {
      const url = optionsArgument(call.arguments[0]);
      return method === 'put' && url ? matchSuperagent(call, url, undefined, context) : undefined;
    }
    case 'https.request':
      return method === 'request' ? matchNodeRequest(call, context) : undefined;
    default:
      return undefined;
  }
}

function matchDirectCall(call: TSESTree.CallExpression, callee: TSESTree.Identifier, context: PutCallContext): PutRequest | undefined {
  switch (clientOfIdentifier(callee, context)) {
    case 'fetch':
      return matchFetch(call, context);
    case 'axios':
      return withClientDefault(matchAxios(call, undefined, context), callee, context);
    case 'got':
      return withClientDefault(matchGotOrKy('got', call, false, context), callee, context);
    case 'ky':
      return withClientDefault(matchGotOrKy('ky', call, false, context), callee, context);
    case 'superagent': {
      const [methodNode, url] = call.arguments.map(optionsArgument);
      return url && staticUpper(methodNode, context) === 'PUT' ? matchSuperagent(call, url, methodNode, context) : undefined;
    }
    case 'https.request':
      return matchNodeRequest(call, context);
    case 'undici.request':
      return matchFetch(call, context, 'undici.request');
    default:
      return undefined;
  }
}

/** Method names a PUT request can be made through; other member calls are skipped before any lookup. */
const PUT_CALL_MEMBER_NAMES = new Set(['put', 'request', 'open', 'fetch', 'ajax']);

/**
 * A cheap first test on every call of a file: true for calls that may be PUT requests (a client
 * import or global called directly, or one of the request methods on a variable).
 */
export function mayBePutRequest(call: TSESTree.CallExpression, imports: ReadonlyMap<string, ImportedLocal>): boolean {
  if (call.arguments.length === 0) return false;
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const imported = imports.get(callee.name);
    return imported ? CLIENT_MODULES.has(imported.source) : CLIENT_GLOBALS.has(callee.name);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { object } = callee;
  const receiverFits =
    object.type === AST_NODE_TYPES.Identifier ||
    (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.ThisExpression);
  return receiverFits && PUT_CALL_MEMBER_NAMES.has(getPropertyKeyName(callee) ?? '');
}

/** The PUT request a call makes, with its URL, body and Content-Type, or undefined. */
export function matchPutRequest(call: TSESTree.CallExpression, context: PutCallContext): PutRequest | undefined {
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier) return matchDirectCall(call, callee, context);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return matchMemberCall(call, callee, context);
  return undefined;
}
