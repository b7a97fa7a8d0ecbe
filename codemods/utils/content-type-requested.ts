// The Content-Type a presigned PUT's own code asked to have signed: the request that produced the
// URL (to its server, `api.post('/presign', { fileType: file.type })`, or a presign in this file),
// followed through variables, destructuring, local functions and the one call of a function whose
// parameter holds the URL, written as it reads at the PUT.
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { skipWrappers } from '../../rules/values/syntax';
import { lookupVariable, renderExpression } from './content-type-render';
import type { Env, RenderContext, Substitution } from './content-type-render';

type Variable = TSESLint.Scope.Variable;

/** The signed type as text valid at the PUT, and the line where the code asks for it. */
export interface RequestedType {
  text: string;
  line: number;
  /** `server`: a field of the request to the code's own server; `presign`: a presign's ContentType in this file. */
  askedOf: 'server' | 'presign';
}

interface Producer {
  call: TSESTree.CallExpression;
  env: Env;
}

/** Keys that name the media type to sign: contentType, fileType, file-type, mimeType, type, ContentType. */
const TYPE_KEY = /^(?:content|file|mime|media)?[-_]?type$/i;
/** Options whose value is the request's payload (not its headers or settings). */
const PAYLOAD_KEYS = new Set(['body', 'json', 'data', 'params', 'searchParams', 'query', 'form']);
const PAYLOAD_METHODS = new Set(['post', 'put', 'patch']);
const SEND_METHODS = new Set(['send', 'query']);
/** Presign calls and SDK commands whose parameters carry ContentType. */
const PRESIGN_CALLEE = /^(?:getSignedUrl(?:Promise)?|presignedPutObject|presignedUrl|createPresignedPost)$|^(?:Put|Upload)\w*Command$/;
const MAX_HOPS = 4;

/** The value inside `await x`, `x as T`, `x!`, `x?.y`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = skipWrappers(current.argument);
  return current;
}

function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** Who an object literal is sent to: the server as payload, a presign as parameters, or neither. */
function payloadOf(object: TSESTree.ObjectExpression): RequestedType['askedOf'] | undefined {
  const { parent } = object;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === object) {
    return PAYLOAD_KEYS.has(propertyName(parent) ?? '') ? 'server' : undefined;
  }
  if (parent.type !== AST_NODE_TYPES.CallExpression && parent.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const name = calleeName(parent.callee) ?? '';
  const index = parent.arguments.indexOf(object);
  if (name === 'stringify' || name === 'URLSearchParams') return index === 0 ? 'server' : undefined;
  if (PAYLOAD_METHODS.has(name)) return index === 1 ? 'server' : undefined;
  if (SEND_METHODS.has(name)) return index === 0 ? 'server' : undefined;
  return PRESIGN_CALLEE.test(name) ? 'presign' : undefined;
}

/** A property naming the type to sign, sent as payload or presign parameter; an HTTP verb (`type: 'POST'`) is not one. */
function isTypeField(property: TSESTree.Property): boolean {
  const name = propertyName(property) ?? '';
  if (!TYPE_KEY.test(name)) return false;
  const { value } = property;
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && value.value.includes('/');
  // A bare `type` often names a kind (`type: kind`): only a media type read off a file or blob counts.
  return name !== 'type' || isMediaTypeRead(value);
}

/** `file.type`, `upload.mimetype`, `blob.mimeType`. */
function isMediaTypeRead(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    /^(?:type|mime[tT]ype)$/.test(node.property.name)
  );
}

interface TypeField {
  property: TSESTree.Property;
  askedOf: RequestedType['askedOf'];
}

function collectTypeFields(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): TypeField[] {
  const fields: TypeField[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const askedOf = payloadOf(node);
      for (const property of node.properties) {
        if (askedOf && property.type === AST_NODE_TYPES.Property && isTypeField(property)) fields.push({ property, askedOf });
      }
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
  };
  visit(root);
  return fields;
}

/** A variable with one definition, never assigned after it. */
function singleDefinition(variable: Variable | null): TSESLint.Scope.Definition | undefined {
  if (!variable || variable.defs.length !== 1) return undefined;
  const writtenLater = variable.references.some((reference) => reference.isWrite() && !reference.init);
  return writtenLater ? undefined : variable.defs[0];
}

/** The function declared under `name`'s variable (`function f`, `const f = () => …`). */
function functionOf(variable: Variable | null): TSESTree.FunctionLike | undefined {
  const def = singleDefinition(variable);
  if (def?.type === 'FunctionName') return def.node as TSESTree.FunctionLike;
  const init = def?.type === 'Variable' ? def.node.init : undefined;
  return init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression ? init : undefined;
}

/** The variable a function is called by (its declaration's name). */
function nameVariableOf(fn: TSESTree.FunctionLike, context: RenderContext): Variable | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return lookupVariable(context.scopeOf(fn).upper ?? context.scopeOf(fn), fn.id);
  const { parent } = fn;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? lookupVariable(context.scopeOf(parent), parent.id)
    : null;
}

/** `export function f`, `export const f = …`, `export default function`: other modules may call it with other URLs. */
function isExported(fn: TSESTree.FunctionLike): boolean {
  const declaration = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.parent?.parent : fn.parent;
  return declaration?.type === AST_NODE_TYPES.ExportNamedDeclaration || declaration?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** The only call of `fn` there can be: one call in the file, and no other use or export of the function. */
function onlyCallOf(fn: TSESTree.FunctionLike, context: RenderContext): TSESTree.CallExpression | undefined {
  if (isExported(fn)) return undefined;
  const references = nameVariableOf(fn, context)?.references.filter((reference) => !reference.init) ?? [];
  const calls = references.map((reference) => reference.identifier.parent).filter(
    (parent, index): parent is TSESTree.CallExpression =>
      parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === references[index]?.identifier,
  );
  return references.length === 1 && calls.length === 1 ? calls[0] : undefined;
}

/** The caller's plain-name arguments, mapped to how the callee's matching parameters read at the PUT. */
function bridgeArguments(fn: TSESTree.FunctionLike, call: TSESTree.CallExpression, env: Env, context: RenderContext): Env {
  const bridged = new Map(env);
  const fnScope = context.scopeOf(fn);
  fn.params.forEach((param, index) => {
    const arg = call.arguments[index];
    if (param.type !== AST_NODE_TYPES.Identifier || arg?.type !== AST_NODE_TYPES.Identifier) return;
    const paramVariable = fnScope.set.get(param.name);
    const visible = paramVariable && lookupVariable(context.target, param.name) === paramVariable;
    const known = paramVariable ? env.get(paramVariable) : undefined;
    const substitution: Substitution | undefined = known ?? (visible ? { kind: 'text', text: param.name } : undefined);
    const argVariable = lookupVariable(context.scopeOf(arg), arg);
    if (substitution && argVariable) bridged.set(argVariable, substitution);
  });
  return bridged;
}

/** RxJS operators whose callback receives what the observable before them emits. */
const RXJS_PROJECTIONS = new Set(['switchMap', 'mergeMap', 'concatMap', 'exhaustMap']);

/**
 * The call whose result a callback receives: `request(…).then(function (response) { … })`, or
 * `request(…).pipe(switchMap((target) => …))`.
 */
function settledCallOf(fn: TSESTree.FunctionLike): TSESTree.Node | undefined {
  const { parent } = fn;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== fn) return undefined;
  const { callee } = parent;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return ['then', 'done'].includes(calleeName(callee) ?? '') ? callee.object : undefined;
  const pipe = parent.parent;
  const isProjection = callee.type === AST_NODE_TYPES.Identifier && RXJS_PROJECTIONS.has(callee.name);
  const piped = pipe?.type === AST_NODE_TYPES.CallExpression && pipe.arguments[0] === parent && pipe.callee.type === AST_NODE_TYPES.MemberExpression;
  return isProjection && piped && calleeName(pipe.callee) === 'pipe' ? (pipe.callee as TSESTree.MemberExpression).object : undefined;
}

/** `this.name(…)` inside a class: that class's method `name`. */
function classMethodOf(callee: TSESTree.Node): TSESTree.FunctionLike | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = calleeName(callee);
  let holder: TSESTree.Node | undefined = callee.parent;
  while (holder && holder.type !== AST_NODE_TYPES.ClassBody) holder = holder.parent;
  const method = holder?.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name,
  );
  return method?.value;
}

/** The call whose result carries the URL: through members, `const`s, destructuring and a parameter's one caller. */
function findProducer(node: TSESTree.Node, env: Env, context: RenderContext, hops: number): Producer | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) return findProducer(expression.object, env, context, hops);
  if (expression.type === AST_NODE_TYPES.CallExpression) return { call: expression, env };
  if (expression.type !== AST_NODE_TYPES.Identifier || hops > MAX_HOPS) return undefined;
  const def = singleDefinition(lookupVariable(context.scopeOf(expression), expression));
  if (def?.type === 'Variable' && def.node.init) return findProducer(def.node.init, env, context, hops + 1);
  if (def?.type !== 'Parameter') return undefined;
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.findIndex((param) => param === def.name);
  const settled = index === 0 ? settledCallOf(fn) : undefined;
  if (settled) return findProducer(settled, env, context, hops + 1);
  const call = index < 0 ? undefined : onlyCallOf(fn, context);
  const arg = call?.arguments[index];
  if (!call || !arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return findProducer(arg, bridgeArguments(fn, call, env, context), context, hops + 1);
}

/** Each parameter of `fn` as the call's argument reads at the PUT. */
function parameterEnv(fn: TSESTree.FunctionLike, call: TSESTree.CallExpression, env: Env, context: RenderContext): Env {
  const fnEnv = new Map(env);
  const fnScope = context.scopeOf(fn);
  fn.params.forEach((param, index) => {
    const arg = call.arguments[index];
    const variable = param.type === AST_NODE_TYPES.Identifier ? fnScope.set.get(param.name) : undefined;
    if (!variable || !arg || arg.type === AST_NODE_TYPES.SpreadElement) return;
    if (arg.type === AST_NODE_TYPES.ObjectExpression) {
      fnEnv.set(variable, { kind: 'object', node: arg, env });
      return;
    }
    const text = renderExpression(arg, env, context);
    if (text !== undefined) fnEnv.set(variable, { kind: 'text', text });
  });
  return fnEnv;
}

/** The one type the fields ask for, written at the PUT; undefined when none or several differ. */
function agreeingType(fields: readonly TypeField[], env: Env, context: RenderContext): RequestedType | undefined {
  const rendered = fields.map((field) => ({ field, text: renderExpression(field.property.value, env, context) }));
  const texts = new Set(rendered.map((entry) => entry.text));
  const first = rendered[0];
  if (!first || texts.size !== 1 || first.text === undefined || first.text === '') return undefined;
  return { text: first.text, line: first.field.property.loc.start.line, askedOf: first.field.askedOf };
}

/** The type the producing call (or the local function it calls) asks to have signed. */
function typeAskedBy(producer: Producer, context: RenderContext): RequestTrace {
  const { call, env } = producer;
  const own = collectTypeFields(call, context.visitorKeys);
  if (own.length > 0) return { requested: agreeingType(own, env, context) };
  const callee = unwrap(call.callee);
  const fn = callee.type === AST_NODE_TYPES.Identifier ? functionOf(lookupVariable(context.scopeOf(callee), callee)) : classMethodOf(callee);
  if (!fn?.body) return {};
  const fields = collectTypeFields(fn.body, context.visitorKeys);
  if (fields.length === 0) return { unaskedBy: { line: call.loc.start.line, callee: context.text.slice(callee.range[0], callee.range[1]) } };
  return { requested: agreeingType(fields, parameterEnv(fn, call, env, context), context) };
}

/** What the code that produced a PUT's URL shows about the type it asked to have signed. */
export interface RequestTrace {
  requested?: RequestedType | undefined;
  /** The local function that asked for the URL sends no type field: its call's line and name. */
  unaskedBy?: { line: number; callee: string };
}

/** The Content-Type the code that produced `url` asked to have signed, as text that reads the same at `put`. */
export function traceRequestedType(url: TSESTree.Node, put: TSESTree.Node, base: Omit<RenderContext, 'target'>): RequestTrace {
  const context: RenderContext = { ...base, target: base.scopeOf(put) };
  const producer = findProducer(url, new Map(), context, 0);
  return producer ? typeAskedBy(producer, context) : {};
}
