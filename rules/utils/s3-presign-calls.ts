// Recognises calls that presign an S3 URL (aws-sdk v2 `getSignedUrl('putObject', …)`, v3
// `getSignedUrl(client, new PutObjectCommand(…))`, this project's `presignUrl`) and the signed-URL
// calls of other stores (Google Cloud Storage, Supabase, Azure, Firebase) that look alike.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findAwsSdkV2Option, matchAwsSdkV2ClientConstruction } from './aws-sdk-v2';
import { findObjectProperty } from './object-literal';
import { isFunctionNode } from './query-building-shapes';
import type { ImportedLocal } from './top-level-imports';
import { findSingleInitializer, getPropertyKeyName, getStaticString } from './static-value';

/** What a presign fixed as the object's Content-Type. */
export type SignedContentType =
  | { kind: 'literal'; value: string; node: TSESTree.Node }
  | { kind: 'expression'; node: TSESTree.Node }
  /** The parameters are visible and set none: SigV4 then signs only `host`, any type uploads. */
  | { kind: 'absent' }
  /** The parameters are not visible (a variable, a spread): the type may be signed. `candidates`: the types it may be. */
  | { kind: 'unknown'; candidates?: readonly string[] };

export type PresignCallMatch =
  /**
   * `signsContentType` is false only when the source shows a presigner that leaves the Content-Type
   * header out of the signature (aws-sdk v2 SigV4, the v3 presigner without `signableHeaders`):
   * S3 then accepts an upload of any type and stores whatever it sends.
   */
  | { kind: 'aws-put'; contentType: SignedContentType; signsContentType: boolean }
  /** An AWS presign of another operation (`getObject`, `GetObjectCommand`): not an upload URL. */
  | { kind: 'aws-other' }
  /** A signed URL of another store: signed differently, not this plugin's business. */
  | { kind: 'not-aws' };

/** Local names that stand for the presign functions and commands, from the file's imports. */
export interface PresignNames {
  v3GetSignedUrl: ReadonlySet<string>;
  putObjectCommand: ReadonlySet<string>;
  helperPresignUrl: ReadonlySet<string>;
}

const V3_PRESIGNER_MODULE = '@aws-sdk/s3-request-presigner';
const V3_S3_CLIENT_MODULE = '@aws-sdk/client-s3';
/** This project's helper, imported from the package or from a vendored `sigv4` file. */
const HELPER_MODULE = /(?:^|\/)sigv4(?:\.[cm]?[jt]s)?$/;

/** Methods of other stores that return signed URLs (GCS, Supabase, Azure, Firebase). */
const OTHER_STORE_SIGNING_METHODS = new Set([
  'createSignedUploadUrl',
  'createSignedUrl',
  'createSignedUrls',
  'generateSasUrl',
  'generateBlobSASQueryParameters',
  'getDownloadURL',
]);

/** Reads the presign-related names a file imports (plus the unaliased names, used without import). */
export function collectPresignNames(imports: ReadonlyMap<string, ImportedLocal>): PresignNames {
  const v3GetSignedUrl = new Set(['getSignedUrl']);
  const putObjectCommand = new Set(['PutObjectCommand']);
  const helperPresignUrl = new Set(['presignUrl', 'presignUrlAsync']);
  for (const [local, binding] of imports) {
    if (binding.source === V3_PRESIGNER_MODULE && binding.export === 'getSignedUrl') v3GetSignedUrl.add(local);
    if (binding.source === V3_S3_CLIENT_MODULE && binding.export === 'PutObjectCommand') putObjectCommand.add(local);
    if (HELPER_MODULE.test(binding.source) && /^presignUrl(?:Async)?$/.test(binding.export)) {
      helperPresignUrl.add(local);
    }
  }
  return { v3GetSignedUrl, putObjectCommand, helperPresignUrl };
}

/** Resolves an identifier to the object literal it was initialised with, once. */
function resolveObjectLiteral(
  node: TSESTree.Node | undefined,
  scope: TSESLint.Scope.Scope,
): TSESTree.ObjectExpression | undefined {
  if (node?.type === AST_NODE_TYPES.ObjectExpression) return node;
  if (node?.type === AST_NODE_TYPES.Identifier) {
    const init = findSingleInitializer(node, scope);
    if (init?.type === AST_NODE_TYPES.ObjectExpression) return init;
  }
  return undefined;
}

/** The value a key (matched by `isKey`) holds in an object literal, or how it is unknown. */
function readContentTypeProperty(
  object: TSESTree.ObjectExpression | undefined,
  isKey: (name: string) => boolean,
  scope: TSESLint.Scope.Scope,
): SignedContentType {
  if (!object) return { kind: 'unknown' };
  let hasSpread = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      hasSpread = true;
      continue;
    }
    const name = getPropertyKeyName(property);
    if (name === undefined) {
      if (property.computed) hasSpread = true;
      continue;
    }
    if (!isKey(name)) continue;
    const value = getStaticString(property.value, scope);
    return value === undefined
      ? { kind: 'expression', node: property.value }
      : { kind: 'literal', value, node: property.value };
  }
  return hasSpread ? { kind: 'unknown' } : { kind: 'absent' };
}

function isMemberCallNamed(call: TSESTree.CallExpression, name: string): boolean {
  return (
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    getPropertyKeyName(call.callee) === name
  );
}

/** aws-sdk v2: `s3.getSignedUrl('putObject', params)`; GCS: `file.getSignedUrl({ action })`. */
function matchMemberGetSignedUrl(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): PresignCallMatch {
  const [operation, params] = call.arguments;
  if (
    !operation ||
    operation.type === AST_NODE_TYPES.ObjectExpression ||
    operation.type === AST_NODE_TYPES.SpreadElement ||
    !params ||
    isFunctionNode(params)
  ) {
    return { kind: 'not-aws' };
  }
  const operationName = getStaticString(operation, scope);
  const signsContentType = !isV2SigV4Client(call, scope);
  if (operationName === undefined) return { kind: 'aws-put', contentType: { kind: 'unknown' }, signsContentType };
  if (operationName !== 'putObject') return { kind: 'aws-other' };
  return {
    kind: 'aws-put',
    contentType: readContentTypeProperty(resolveObjectLiteral(params, scope), (name) => name === 'ContentType', scope),
    signsContentType,
  };
}

/**
 * Whether `client.getSignedUrl(…)` is called on an aws-sdk v2 S3 client constructed with
 * `signatureVersion: 'v4'` (or 's3v4'): its presign moves Content-Type into the query string and
 * signs only `host` (lib/signers/v4.js lists content-type among its unsignable headers). A default
 * client may sign with SigV2, whose string to sign does include Content-Type.
 */
function isV2SigV4Client(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || call.callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const client = findSingleInitializer(call.callee.object, scope);
  // Names the options use are looked up from the call's scope, which sees every binding the client's scope sees at module level.
  const scopeOf = (): TSESLint.Scope.Scope => scope;
  const construction =
    client?.type === AST_NODE_TYPES.NewExpression ? matchAwsSdkV2ClientConstruction(client, scopeOf, 's3') : undefined;
  if (!construction) return false;
  const lookup = findAwsSdkV2Option(construction.options, 'signatureVersion', scopeOf);
  if (lookup.kind !== 'found') return false;
  const version = getStaticString(lookup.value, scope);
  return version === 'v4' || version === 's3v4';
}

/**
 * Whether the v3 presigner's options (`getSignedUrl`'s third argument) visibly leave
 * `signableHeaders` unset: S3RequestPresigner then adds content-type to the unsignable headers, so
 * the Content-Type is neither signed nor put in the URL.
 */
function v3PresignSkipsContentType(options: TSESTree.Node | undefined, scope: TSESLint.Scope.Scope): boolean {
  if (!options) return true;
  if (options.type === AST_NODE_TYPES.SpreadElement) return false;
  return findObjectProperty(options, 'signableHeaders', () => scope).kind === 'absent';
}

/** aws-sdk v3: `getSignedUrl(client, new PutObjectCommand(params), options)`. */
function matchV3GetSignedUrl(
  call: TSESTree.CallExpression,
  scope: TSESLint.Scope.Scope,
  names: PresignNames,
): PresignCallMatch {
  let command = call.arguments[1];
  if (command?.type === AST_NODE_TYPES.Identifier) command = findSingleInitializer(command, scope) ?? command;
  const signsContentType = !v3PresignSkipsContentType(call.arguments[2], scope);
  if (command?.type !== AST_NODE_TYPES.NewExpression) return { kind: 'aws-put', contentType: { kind: 'unknown' }, signsContentType };
  if (command.callee.type !== AST_NODE_TYPES.Identifier || !names.putObjectCommand.has(command.callee.name)) {
    return { kind: 'aws-other' };
  }
  return {
    kind: 'aws-put',
    contentType: readContentTypeProperty(
      resolveObjectLiteral(command.arguments[0], scope),
      (name) => name === 'ContentType',
      scope,
    ),
    signsContentType,
  };
}

/** This project's helper: `presignUrl({ method: 'PUT', url, headers: { 'content-type': … } }, opts)`. */
function matchHelperPresignUrl(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): PresignCallMatch {
  const request = resolveObjectLiteral(call.arguments[0], scope);
  // The helper signs every header it is given, content-type included.
  if (!request) return { kind: 'aws-put', contentType: { kind: 'unknown' }, signsContentType: true };
  const method = readContentTypeProperty(request, (name) => name === 'method', scope);
  if (method.kind === 'literal' && method.value.toUpperCase() !== 'PUT') return { kind: 'aws-other' };
  const headersProperty = readContentTypeProperty(request, (name) => name === 'headers', scope);
  if (headersProperty.kind === 'absent') return { kind: 'aws-put', contentType: { kind: 'absent' }, signsContentType: true };
  if (headersProperty.kind !== 'expression') return { kind: 'aws-put', contentType: { kind: 'unknown' }, signsContentType: true };
  return {
    kind: 'aws-put',
    contentType: readContentTypeProperty(
      resolveObjectLiteral(headersProperty.node, scope),
      (name) => name.toLowerCase() === 'content-type',
      scope,
    ),
    signsContentType: true,
  };
}

/** Whether a call is this project's helper `presignUrl`, whose result carries the URL in `.url`. */
export function isHelperPresignCall(call: TSESTree.CallExpression, names: PresignNames): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && names.helperPresignUrl.has(call.callee.name);
}

/** Classifies a call that may produce a signed URL; undefined when it is no signing call. */
export function matchPresignCall(
  call: TSESTree.CallExpression,
  scope: TSESLint.Scope.Scope,
  names: PresignNames,
): PresignCallMatch | undefined {
  if (isMemberCallNamed(call, 'getSignedUrl') || isMemberCallNamed(call, 'getSignedUrlPromise')) {
    return matchMemberGetSignedUrl(call, scope);
  }
  if (call.callee.type === AST_NODE_TYPES.Identifier) {
    if (names.v3GetSignedUrl.has(call.callee.name) && call.arguments.length >= 2) {
      return matchV3GetSignedUrl(call, scope, names);
    }
    if (names.helperPresignUrl.has(call.callee.name)) return matchHelperPresignUrl(call, scope);
  }
  if (call.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getPropertyKeyName(call.callee);
    if (method !== undefined && OTHER_STORE_SIGNING_METHODS.has(method)) return { kind: 'not-aws' };
  }
  return undefined;
}
