// Recognises the aws-sdk v2 API in source without type information: the `AWS` namespace and its
// client classes however they were imported, client and config constructions, writes to the
// global `AWS.config`, the options those receive, and whether a configured endpoint is AWS.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { resolveConstBinding, type ScopeOf, skipTypeWrappers, staticMemberName } from './const-binding';
import { resolveModuleMember, type ModuleMember } from './module-binding';
import { findObjectProperty, type PropertyLookup } from './object-literal';
import { DYNAMIC_MARK, getStringParts, partsToPattern } from './static-value';

/** What an expression holds from aws-sdk v2. Client classes are named by lower-case service id (`s3`). */
export type AwsSdkV2Value =
  /** The `AWS` namespace object: `require('aws-sdk')`, `import AWS from 'aws-sdk'`, the browser global. */
  | { readonly kind: 'namespace' }
  /** A service client class: `AWS.S3`, `import { S3 } from 'aws-sdk'`, `require('aws-sdk/clients/s3')`. */
  | { readonly kind: 'clientClass'; readonly serviceId: string }
  /** Something hanging off a client class: `AWS.CloudFront.Signer`, `AWS.DynamoDB.DocumentClient`. */
  | { readonly kind: 'clientMember'; readonly serviceId: string; readonly path: readonly string[] }
  /** Any other export, by path: `['config']`, `['Config']`, `['config', 'update']`, `['Endpoint']`. */
  | { readonly kind: 'export'; readonly path: readonly string[] };

/** A service client constructed in the file: `new AWS.S3(options)`. */
export interface AwsSdkV2ClientConstruction {
  readonly node: TSESTree.NewExpression;
  readonly serviceId: string;
  /** The first constructor argument as written (an object literal, a variable, …), if any. */
  readonly options: TSESTree.Node | undefined;
}

/** A write to the process-wide `AWS.config` that later-constructed clients inherit. */
export type AwsSdkV2GlobalConfigWrite =
  /** `AWS.config.update(options)` or `AWS.config = new AWS.Config(options)` (options may be absent). */
  | { readonly kind: 'options'; readonly node: TSESTree.Node; readonly options: TSESTree.Node | undefined }
  /** `AWS.config.<name> = value`, e.g. `AWS.config.signatureVersion = 'v4'`. */
  | { readonly kind: 'property'; readonly node: TSESTree.AssignmentExpression; readonly name: string; readonly value: TSESTree.Expression };

/** Whether a configured endpoint points at AWS. `unknown`: only runtime knows (a variable, an env var). */
export type EndpointKind = 'aws' | 'custom' | 'unknown';

/** The v2 browser bundle defines `AWS` as a global; an undeclared `AWS` is that namespace. */
const BROWSER_GLOBALS = { AWS: 'aws-sdk' } as const;

/** Entry points that export the whole namespace (`aws-sdk/global` has no clients but does have `config`). */
const NAMESPACE_MODULES = new Set(['aws-sdk', 'aws-sdk/global', 'aws-sdk/global.js', 'aws-sdk/lib/aws', 'aws-sdk/lib/core']);
const CLIENT_MODULE = /^aws-sdk\/clients\/([a-z0-9]+)(?:\.js)?$/;

/**
 * Capitalised namespace exports that are not service clients (from aws-sdk's lib/core.d.ts), so that
 * every other capitalised `AWS.X` can be taken for a client class without shipping the list of 400.
 */
const NON_CLIENT_EXPORTS = new Set([
  'AWSError',
  'Config',
  'CredentialProviderChain',
  'DocumentType',
  'Endpoint',
  'EventListeners',
  'HttpRequest',
  'HttpResponse',
  'IniLoader',
  'JSON',
  'MetadataService',
  'Model',
  'NodeHttpClient',
  'ParamValidator',
  'Promise',
  'Request',
  'ResourceWaiter',
  'Response',
  'SequentialExecutor',
  'Service',
  'Signers',
  'SSOTokenProvider',
  'StaticTokenProvider',
  'Token',
  'TokenProviderChain',
  'VERSION',
  'XHRClient',
  'XML',
]);

/** Environment variables the SDKs read an AWS endpoint override from (AWS-hosted by convention). */
const AWS_ENDPOINT_ENV_VARS = new Set(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3']);
const AWS_HOST = /(?:^|[./])amazonaws\.com(?:\.cn)?(?:$|[/:])/i;

/** What the expression holds from aws-sdk v2, or undefined when it is not visibly from aws-sdk v2. */
export function resolveAwsSdkV2Value(node: TSESTree.Node, scopeOf: ScopeOf): AwsSdkV2Value | undefined {
  const member = resolveModuleMember(node, scopeOf, { globals: BROWSER_GLOBALS });
  return member && describeAwsSdkV2Member(member);
}

/** Interprets a module export as an aws-sdk v2 value; undefined for modules other than aws-sdk v2. */
export function describeAwsSdkV2Member(member: ModuleMember): AwsSdkV2Value | undefined {
  const root = moduleRootValue(member.source);
  if (!root) return undefined;
  // aws-sdk is CommonJS: an ESM default import (or `.default` under interop) is the module object.
  const path = member.path[0] === 'default' ? member.path.slice(1) : member.path;
  return path.reduce(memberOfAwsSdkV2Value, root);
}

/** The value `value.name` holds. */
export function memberOfAwsSdkV2Value(value: AwsSdkV2Value, name: string): AwsSdkV2Value {
  switch (value.kind) {
    case 'namespace':
      return isClientClassName(name) ? { kind: 'clientClass', serviceId: name.toLowerCase() } : { kind: 'export', path: [name] };
    case 'clientClass':
      return { kind: 'clientMember', serviceId: value.serviceId, path: [name] };
    case 'clientMember':
      return { ...value, path: [...value.path, name] };
    case 'export':
      return { kind: 'export', path: [...value.path, name] };
  }
}

/** True for a client class, of the given service when one is named (`'s3'`). */
export function isAwsSdkV2ClientClass(value: AwsSdkV2Value | undefined, serviceId?: string): boolean {
  return value?.kind === 'clientClass' && (serviceId === undefined || value.serviceId === serviceId);
}

/** True when the value is the namespace export at exactly this path (`'config'`, `'update'`). */
export function isAwsSdkV2Export(value: AwsSdkV2Value | undefined, ...path: string[]): boolean {
  return (
    value?.kind === 'export' &&
    value.path.length === path.length &&
    value.path.every((segment, index) => segment === path[index])
  );
}

/** `new AWS.S3(options)` and the like; pass a service id to accept only that service. */
export function matchAwsSdkV2ClientConstruction(
  node: TSESTree.NewExpression,
  scopeOf: ScopeOf,
  serviceId?: string,
): AwsSdkV2ClientConstruction | undefined {
  const value = resolveAwsSdkV2Value(node.callee, scopeOf);
  if (value?.kind !== 'clientClass' || (serviceId !== undefined && value.serviceId !== serviceId)) return undefined;
  return { node, serviceId: value.serviceId, options: node.arguments[0] };
}

/** The options of `new AWS.Config(options)`: undefined when the node is not one, null when it has none. */
export function matchAwsSdkV2ConfigConstruction(node: TSESTree.NewExpression, scopeOf: ScopeOf): TSESTree.Node | null | undefined {
  if (!isAwsSdkV2Export(resolveAwsSdkV2Value(node.callee, scopeOf), 'Config')) return undefined;
  return node.arguments[0] ?? null;
}

/** `AWS.config.update(options)`. */
export function matchAwsSdkV2GlobalConfigUpdate(
  node: TSESTree.CallExpression,
  scopeOf: ScopeOf,
): AwsSdkV2GlobalConfigWrite | undefined {
  if (!isAwsSdkV2Export(resolveAwsSdkV2Value(node.callee, scopeOf), 'config', 'update')) return undefined;
  return { kind: 'options', node, options: node.arguments[0] };
}

/** `AWS.config = new AWS.Config(options)` (or any object) and `AWS.config.<name> = value`. */
export function matchAwsSdkV2GlobalConfigAssignment(
  node: TSESTree.AssignmentExpression,
  scopeOf: ScopeOf,
): AwsSdkV2GlobalConfigWrite | undefined {
  if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const target = node.left;
  if (isAwsSdkV2Export(resolveAwsSdkV2Value(target, scopeOf), 'config')) {
    const right = skipTypeWrappers(node.right);
    const options =
      right.type === AST_NODE_TYPES.NewExpression && matchAwsSdkV2ConfigConstruction(right, scopeOf) !== undefined
        ? right.arguments[0]
        : right;
    return { kind: 'options', node, options };
  }
  const name = staticMemberName(target);
  if (name === undefined || !isAwsSdkV2Export(resolveAwsSdkV2Value(target.object, scopeOf), 'config')) return undefined;
  return { kind: 'property', node, name, value: node.right };
}

/**
 * Looks a key up in client or config options as the SDK would read them: through variables,
 * spreads and `new AWS.Config({...})`. Absent options (`new AWS.S3()`) set nothing.
 */
export function findAwsSdkV2Option(options: TSESTree.Node | undefined, name: string, scopeOf: ScopeOf): PropertyLookup {
  if (options === undefined) return { kind: 'absent' };
  const expression = skipTypeWrappers(options);
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    const configOptions = matchAwsSdkV2ConfigConstruction(expression, scopeOf);
    if (configOptions === null) return { kind: 'absent' };
    if (configOptions !== undefined) return findAwsSdkV2Option(configOptions, name, scopeOf);
  }
  return findObjectProperty(expression, name, scopeOf);
}

/**
 * Whether an `endpoint` option points at AWS: a URL on `amazonaws.com(.cn)`, `process.env.AWS_ENDPOINT_URL`
 * or `AWS_ENDPOINT_URL_S3` (by convention AWS-hosted), `new AWS.Endpoint(<one of those>)`; or at
 * another server (a literal URL elsewhere: MinIO, Ceph, localhost); or only runtime knows.
 */
export function classifyEndpoint(node: TSESTree.Node, scopeOf: ScopeOf): EndpointKind {
  const expression = skipTypeWrappers(node);
  if (isAwsEndpointEnvRead(expression)) return 'aws';
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    const argument = expression.arguments[0];
    return isAwsSdkV2Export(resolveAwsSdkV2Value(expression.callee, scopeOf), 'Endpoint') && argument
      ? classifyEndpoint(argument, scopeOf)
      : 'unknown';
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression || expression.type === AST_NODE_TYPES.ConditionalExpression) {
    const branches =
      expression.type === AST_NODE_TYPES.LogicalExpression ? [expression.left, expression.right] : [expression.consequent, expression.alternate];
    return combineEndpointKinds(branches.map((branch) => classifyEndpoint(branch, scopeOf)));
  }
  return classifyEndpointText(expression, scopeOf);
}

function classifyEndpointText(node: TSESTree.Node, scopeOf: ScopeOf): EndpointKind {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const binding = resolveConstBinding(node, scopeOf);
    return binding && binding.path.length === 0 ? classifyEndpoint(binding.value, scopeOf) : 'unknown';
  }
  const { parts } = getStringParts(node, scopeOf(node));
  // A run-time part stands in as one host label so `https://s3.${region}.amazonaws.com` still reads as AWS.
  if (AWS_HOST.test(partsToPattern(parts).replaceAll(DYNAMIC_MARK, 'x'))) return 'aws';
  const first = parts[0];
  return first?.kind === 'text' && hasCompleteHost(first.text, parts.length === 1) ? 'custom' : 'unknown';
}

/** True when the text names a whole host: `http://minio:9000`, `localhost/` (not `https://` + variable). */
function hasCompleteHost(text: string, isWholeValue: boolean): boolean {
  const afterScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return afterScheme.length > 0 && (isWholeValue || /[/:]/.test(afterScheme));
}

function combineEndpointKinds(kinds: readonly EndpointKind[]): EndpointKind {
  if (kinds.every((kind) => kind === 'aws')) return 'aws';
  return kinds.includes('custom') ? 'custom' : 'unknown';
}

/** `process.env.AWS_ENDPOINT_URL` / `process.env['AWS_ENDPOINT_URL_S3']`. */
function isAwsEndpointEnvRead(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticMemberName(node);
  const env = node.object;
  return (
    name !== undefined &&
    AWS_ENDPOINT_ENV_VARS.has(name) &&
    env.type === AST_NODE_TYPES.MemberExpression &&
    staticMemberName(env) === 'env' &&
    env.object.type === AST_NODE_TYPES.Identifier &&
    env.object.name === 'process'
  );
}

function moduleRootValue(source: string): AwsSdkV2Value | undefined {
  if (NAMESPACE_MODULES.has(source)) return { kind: 'namespace' };
  const client = CLIENT_MODULE.exec(source);
  return client?.[1] ? { kind: 'clientClass', serviceId: client[1] } : undefined;
}

function isClientClassName(name: string): boolean {
  return /^[A-Z]/.test(name) && !NON_CLIENT_EXPORTS.has(name) && !name.endsWith('Credentials');
}
