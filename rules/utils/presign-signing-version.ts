// Whether an aws-sdk v2 S3 client presigns with SigV2: its own options, its region (SigV4-only regions
// presign with SigV4 anyway) and the visible writes to the global `AWS.config`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  findAwsSdkV2Option,
  matchAwsSdkV2ConfigConstruction,
  type AwsSdkV2ClientConstruction,
  type AwsSdkV2GlobalConfigWrite,
} from './aws-sdk-v2';
import type { ScopeOf } from './const-binding';
import { findObjectProperty } from './object-literal';
import { getStaticString } from './static-value';
import { propertyAt, skipWrappers, type ValueTracker } from '../values';
import { isFunctionNode } from '../values/syntax';

/** A region name AWS could answer for; any other constant (`'REGION'`, a typo) is not known to be SigV4-only. */
const AWS_REGION_NAME = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Regions where aws-sdk v2 presigns S3 URLs with SigV2 unless told otherwise (its region_config_data.json). */
export const SIGV2_PRESIGN_REGIONS = [
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'sa-east-1',
  'us-gov-west-1',
] as const;

/** What the visible global `AWS.config` writes say, merged. */
export interface GlobalConfigFacts {
  /** Some global write sets (or may set) `signatureVersion`, for every service or for S3. */
  readonly setsSignatureVersion: boolean;
  /** The region the global config ends with: a string, `unknown` when only runtime knows, or absent. */
  readonly region: string | 'unknown' | undefined;
}

/**
 * Whether the client would presign with SigV2: nothing visible sets `signatureVersion` (an explicit
 * legacy value is `no-legacy-signature`'s finding, an unknown one cannot be judged), and its region
 * is not known to be one where the SDK already defaults to SigV4. `caller`: the options come from a
 * caller (a parameter, a spread of one), so only a suggestion can say what to set.
 */
export function presignsWithSigV2(
  client: AwsSdkV2ClientConstruction,
  globalFacts: GlobalConfigFacts,
  scopeOf: ScopeOf,
  values: ValueTracker,
): 'yes' | 'caller' | 'no' {
  const options = client.options && sdkOptionsExpression(client.options, scopeOf);
  if (options === null) return isSigV4OnlyRegion(globalFacts.region) ? 'no' : 'yes';
  const object = options && values.objectAt(options, client.node);
  const signatureVersion = object ? propertyAt(object, 'signatureVersion') : ({ kind: 'absent' } as const);
  if (signatureVersion.kind === 'found') return 'no';
  if (signatureVersion.kind === 'unknown') return signatureVersion.fromCaller ? 'caller' : 'no';
  const regionLookup = object ? propertyAt(object, 'region') : undefined;
  const region = regionLookup?.kind === 'found' ? regionOf(regionLookup.value, values) : regionLookup?.kind === 'unknown' ? 'unknown' : undefined;
  return isSigV4OnlyRegion(region ?? globalFacts.region) ? 'no' : 'yes';
}

/** The options object the SDK reads: the argument, or the options of a `new AWS.Config(…)` in it; null for none. */
function sdkOptionsExpression(options: TSESTree.Node, scopeOf: ScopeOf): TSESTree.Node | null {
  const expression = skipWrappers(options);
  if (expression.type !== AST_NODE_TYPES.NewExpression) return options;
  const configOptions = matchAwsSdkV2ConfigConstruction(expression, scopeOf);
  return configOptions === undefined ? options : configOptions;
}

/** The one constant region every branch names, else `unknown`. */
function regionOf(node: TSESTree.Node, values: ValueTracker): string {
  const possible = values.resolve(node);
  const regions = new Set(possible.alternatives.map((alternative) => {
    const [only] = alternative;
    return alternative.length === 1 && only?.kind === 'value' && typeof only.value === 'string' ? only.value : 'unknown';
  }));
  const [only] = regions;
  return regions.size === 1 && only !== undefined ? only : 'unknown';
}

/** A constant AWS region where aws-sdk v2 presigns with SigV4 anyway; anything else may mean SigV2. */
function isSigV4OnlyRegion(region: string | undefined): boolean {
  return region !== undefined && AWS_REGION_NAME.test(region) && !(SIGV2_PRESIGN_REGIONS as readonly string[]).includes(region);
}

function readRegion(lookup: ReturnType<typeof findAwsSdkV2Option>, scopeOf: ScopeOf): string | 'unknown' | undefined {
  if (lookup.kind === 'absent') return undefined;
  if (lookup.kind === 'unknown') return 'unknown';
  return getStaticString(lookup.value, scopeOf(lookup.value)) ?? 'unknown';
}

/** Merges every visible write to the global `AWS.config`. */
export function readGlobalConfig(writes: readonly AwsSdkV2GlobalConfigWrite[], scopeOf: ScopeOf): GlobalConfigFacts {
  let setsSignatureVersion = false;
  let region: string | 'unknown' | undefined;
  const ordered = [...writes].sort((a, b) => a.node.range[0] - b.node.range[0]);
  for (const write of ordered) {
    if (write.kind === 'property') {
      if (write.name === 'signatureVersion' || write.name === 's3') setsSignatureVersion = true;
      if (write.name === 'region') region = getStaticString(write.value, scopeOf(write.value)) ?? 'unknown';
      continue;
    }
    const signatureVersion = findAwsSdkV2Option(write.options, 'signatureVersion', scopeOf);
    const s3Options = findAwsSdkV2Option(write.options, 's3', scopeOf);
    const s3SignatureVersion = s3Options.kind === 'found' ? findObjectProperty(s3Options.value, 'signatureVersion', scopeOf).kind : 'absent';
    if (signatureVersion.kind !== 'absent' || s3Options.kind === 'unknown' || s3SignatureVersion !== 'absent') {
      setsSignatureVersion = true;
    }
    region = readRegion(findAwsSdkV2Option(write.options, 'region', scopeOf), scopeOf) ?? region;
  }
  return { setsSignatureVersion, region };
}

/** The outermost function around a node; undefined when it runs as the module loads. */
function outermostFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  let outermost: TSESTree.Node | undefined;
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) outermost = current;
  return outermost;
}

/** A function declaration (hoisted) that the file calls, or mentions, before `position`. */
function isMentionedBefore(fn: TSESTree.Node, position: number, scopeOf: ScopeOf): boolean {
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration || !fn.id) return false;
  const variable = scopeOf(fn).upper?.set.get(fn.id.name);
  return variable?.references.some((reference) => reference.identifier.range[0] < position) ?? false;
}

/**
 * The global writes that may run before the client is built. A client built as the module loads
 * copies `AWS.config` right then: a write later in the file (at load, or in a handler or method
 * written after it) comes too late for it.
 */
export function writesBeforeConstruction(
  construction: TSESTree.NewExpression,
  writes: readonly AwsSdkV2GlobalConfigWrite[],
  scopeOf: ScopeOf,
): AwsSdkV2GlobalConfigWrite[] {
  if (outermostFunction(construction)) return [...writes];
  const built = construction.range[0];
  return writes.filter((write) => {
    if (write.node.range[0] < built) return true;
    const fn = outermostFunction(write.node);
    return fn !== undefined && isMentionedBefore(fn, built, scopeOf);
  });
}
