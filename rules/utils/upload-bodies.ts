// Classifies an upload body without type information, by what HTTP clients do with it: a string,
// a File/Blob (browsers send its own type), binary data (Buffer, typed array, stream: no type),
// a plain object (serialised as JSON), or form data.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, type ScopeOf } from './const-binding';
import { functionBoundTo } from './local-functions';
import { collectReturnedExpressions } from './presigned-url-origin';
import { findSingleInitializer, getPropertyKeyName } from './static-value';

/** `untyped-blob`: `new Blob(parts)` / `new File(parts, name)` without a `type`, which browsers send with no Content-Type. */
export type UploadBodyKind = 'string' | 'blob' | 'untyped-blob' | 'binary' | 'object' | 'form-data' | 'unknown';

/** What classifying reads of the file: scopes, and the visitor keys to find what a local function returns. */
export interface BodyContext {
  scopeOf: ScopeOf;
  visitorKeys: TSESLint.SourceCode.VisitorKeys;
}

export interface UploadBody {
  kind: UploadBodyKind;
  /** True when the kind is proven (a constructor, a type annotation), not guessed from a name. */
  certain: boolean;
}

const UNKNOWN: UploadBody = { kind: 'unknown', certain: false };
const MAX_DEPTH = 3;

const BINARY_CONSTRUCTORS = new Set([
  'ArrayBuffer',
  'Uint8Array',
  'Int8Array',
  'Uint8ClampedArray',
  'DataView',
  'Buffer',
  'Readable',
  'PassThrough',
  'ReadableStream',
]);
const BINARY_TYPE_NAMES = new Set([...BINARY_CONSTRUCTORS, 'ReadStream', 'Stream']);
const BINARY_READERS = new Set(['createReadStream', 'toBuffer', 'arrayBuffer', 'stream']);
/** zlib's compressors (callback, sync or promisified): their result is a Buffer. */
const COMPRESSORS = /^(?:gzip|deflate|deflateRaw|brotliCompress)(?:Sync)?$/;
/** String methods whose result is a string whatever they are called on. */
const STRING_RESULT_METHODS = new Set(['join', 'toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'replace', 'replaceAll']);
/** Type names that describe plain objects, which clients serialise as JSON. */
const OBJECT_TYPE_NAMES = new Set(['Record', 'Object']);
const BLOB_NAME = /^(?:file|blob|image|photo|video|audio|attachment)$|[a-z0-9](?:File|Blob)$/;
const BINARY_NAME = /^(?:buf|buffer|stream|bytes)$|[a-z0-9](?:Buffer|Stream|Bytes)$/;

function known(kind: UploadBodyKind): UploadBody {
  return { kind, certain: true };
}

function classifyTypeAnnotation(type: TSESTree.TypeNode): UploadBody | undefined {
  if (type.type === AST_NODE_TYPES.TSStringKeyword) return known('string');
  if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) {
    const name = type.typeName.name;
    if (name === 'File' || name === 'Blob') return known('blob');
    if (BINARY_TYPE_NAMES.has(name)) return known('binary');
    if (name === 'FormData') return known('form-data');
    if (OBJECT_TYPE_NAMES.has(name)) return known('object');
  }
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return known('object');
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    const kinds = type.types.map(classifyTypeAnnotation);
    const first = kinds[0];
    if (first && kinds.every((kind) => kind?.kind === first.kind)) return first;
  }
  return undefined;
}

/** A `readFile(path, 'utf8')`-style call returns a string, without an encoding a Buffer. */
function hasTextEncoding(call: TSESTree.CallExpression): boolean {
  const options = call.arguments[1];
  if (options?.type === AST_NODE_TYPES.Literal) return typeof options.value === 'string';
  return (
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some((property) => property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === 'encoding')
  );
}

/** The name of what `promisify(zlib.gzip)` / `util.promisify(gzip)` wraps, for a callee bound to one. */
function promisifiedName(callee: TSESTree.Identifier, scopeOf: ScopeOf): string | undefined {
  const init = findSingleInitializer(callee, scopeOf(callee));
  if (init?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const wrapper = init.callee;
  const wrapperName =
    wrapper.type === AST_NODE_TYPES.Identifier ? wrapper.name : wrapper.type === AST_NODE_TYPES.MemberExpression ? getPropertyKeyName(wrapper) : undefined;
  const [wrapped] = init.arguments;
  if (wrapperName !== 'promisify' || !wrapped) return undefined;
  if (wrapped.type === AST_NODE_TYPES.Identifier) return wrapped.name;
  return wrapped.type === AST_NODE_TYPES.MemberExpression ? getPropertyKeyName(wrapped) : undefined;
}

/** The kind every value a local function returns agrees on (`return new Blob([…])`). */
function classifyLocalCall(callee: TSESTree.Identifier, context: BodyContext, depth: number): UploadBody {
  const fn = depth < MAX_DEPTH ? functionBoundTo(callee, context.scopeOf) : null;
  const kinds = fn ? collectReturnedExpressions(fn, context.visitorKeys).map((value) => classifyAt(value, context, depth + 1)) : [];
  const [first] = kinds;
  return first && first.kind !== 'unknown' && kinds.every((kind) => kind.kind === first.kind) ? first : UNKNOWN;
}

function classifyCall(call: TSESTree.CallExpression, context: BodyContext, depth: number): UploadBody {
  const { callee } = call;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? getPropertyKeyName(callee)
        : undefined;
  if (name === undefined) return UNKNOWN;
  if (COMPRESSORS.test(name)) return known('binary');
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (COMPRESSORS.test(promisifiedName(callee, context.scopeOf) ?? '')) return known('binary');
    const returned = classifyLocalCall(callee, context, depth);
    if (returned.kind !== 'unknown') return returned;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    if (callee.object.name === 'JSON' && name === 'stringify') return known('string');
    if (callee.object.name === 'Buffer' || callee.object.name === 'Readable') return known('binary');
  }
  if (name === 'String' || (callee.type === AST_NODE_TYPES.MemberExpression && STRING_RESULT_METHODS.has(name))) {
    return known('string');
  }
  if (name === 'blob') return known('blob');
  if (name === 'text') return known('string');
  if (name === 'readFileSync' || name === 'readFile') return known(hasTextEncoding(call) ? 'string' : 'binary');
  if (BINARY_READERS.has(name)) return known('binary');
  return UNKNOWN;
}

function classifyMember(member: TSESTree.MemberExpression): UploadBody {
  const name = getPropertyKeyName(member);
  if (member.computed && name === undefined) {
    const listName = member.object.type === AST_NODE_TYPES.MemberExpression ? getPropertyKeyName(member.object) : undefined;
    if (listName === 'files') return known('blob');
    const objectName = listName ?? (member.object.type === AST_NODE_TYPES.Identifier ? member.object.name : undefined);
    return objectName !== undefined && /files$/i.test(objectName) ? { kind: 'blob', certain: false } : UNKNOWN;
  }
  return classifyByName(name);
}

function classifyByName(name: string | undefined): UploadBody {
  if (name === undefined) return UNKNOWN;
  if (BLOB_NAME.test(name)) return { kind: 'blob', certain: false };
  if (BINARY_NAME.test(name)) return { kind: 'binary', certain: false };
  return UNKNOWN;
}

/** `new Blob(parts, { type })` / `new File(parts, name, { type })`: typed unless the options visibly lack a `type`. */
function classifyBlobConstruction(node: TSESTree.NewExpression, name: 'Blob' | 'File'): UploadBody {
  const options = node.arguments[name === 'Blob' ? 1 : 2];
  if (!options) return known('untyped-blob');
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return known('blob');
  const typed = options.properties.some((property) => {
    const key = property.type === AST_NODE_TYPES.SpreadElement ? undefined : getPropertyKeyName(property);
    return key === undefined || key === 'type';
  });
  return known(typed ? 'blob' : 'untyped-blob');
}

function classifyIdentifier(identifier: TSESTree.Identifier, context: BodyContext, depth: number): UploadBody {
  const { scopeOf } = context;
  const variable = findVariableOf(identifier, scopeOf);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declared = definition?.name;
  if (declared?.type === AST_NODE_TYPES.Identifier && declared.typeAnnotation) {
    const annotated = classifyTypeAnnotation(declared.typeAnnotation.typeAnnotation);
    if (annotated) return annotated;
  }
  const init = depth < MAX_DEPTH ? findSingleInitializer(identifier, scopeOf(identifier)) : undefined;
  if (init) {
    const initialised = classifyAt(init, context, depth + 1);
    if (initialised.kind !== 'unknown') return initialised;
  }
  return classifyByName(identifier.name);
}

function classifyAt(node: TSESTree.Node, context: BodyContext, depth: number): UploadBody {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.ChainExpression:
      return classifyAt(node.expression, context, depth);
    case AST_NODE_TYPES.AwaitExpression:
      return classifyAt(node.argument, context, depth);
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' ? known('string') : UNKNOWN;
    case AST_NODE_TYPES.TemplateLiteral:
      return known('string');
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' &&
        [node.left, node.right].some((side) => side.type === AST_NODE_TYPES.Literal || side.type === AST_NODE_TYPES.TemplateLiteral)
        ? known('string')
        : UNKNOWN;
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
      return known('object');
    case AST_NODE_TYPES.NewExpression: {
      const name = node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : undefined;
      if (name === 'Blob' || name === 'File') return classifyBlobConstruction(node, name);
      if (name === 'FormData') return known('form-data');
      return name !== undefined && BINARY_CONSTRUCTORS.has(name) ? known('binary') : UNKNOWN;
    }
    case AST_NODE_TYPES.CallExpression:
      return classifyCall(node, context, depth);
    case AST_NODE_TYPES.MemberExpression:
      return classifyMember(node);
    case AST_NODE_TYPES.Identifier:
      return classifyIdentifier(node, context, depth);
    default:
      return UNKNOWN;
  }
}

/** What kind of body an upload sends, as far as the source shows. */
export function classifyUploadBody(node: TSESTree.Node, context: BodyContext): UploadBody {
  return classifyAt(node, context, 0);
}
