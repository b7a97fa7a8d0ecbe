// no-legacy-signature's aws-sdk v2 `signatureVersion` checks: a legacy value in options that reach a
// client, `AWS.config`, `new AWS.Config` or node-s3-client's `s3Options`, written as a property or
// assigned later; and the option in SDK v3 clients, which ignore it.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  classifyEndpoint,
  findAwsSdkV2Option,
  matchAwsSdkV2ClientConstruction,
  matchAwsSdkV2ConfigConstruction,
  matchAwsSdkV2GlobalConfigAssignment,
  matchAwsSdkV2GlobalConfigUpdate,
  type EndpointKind,
} from './aws-sdk-v2';
import type { ScopeOf } from './const-binding';
import { isInlineLiteral, type LegacyScan, quoteOf } from './legacy-scan';
import { resolveModuleMember } from './module-binding';
import { findObjectDestinations, isObjectAssignCall, type Destination } from './object-destinations';
import type { PropertyLookup } from './object-literal';
import { removeProperty } from './property-fixes';
import { isS3OptionsOfWrapper } from './s3-options-wrappers';
import { clientsBuiltWithWrite, SIGV2_ONLY_SERVICES } from './signature-version-writes';
import { getPropertyKeyName, getStaticString, getStringParts } from './static-value';
import { constantsOf } from '../values';

const SES_SIGV3_ANSWER =
  'SES answers 403 InvalidClientTokenId "Signature Version 3 requests are deprecated from March 1, 2021. From that date on, we are progressively rejecting such requests."';
const QUERY_SIGV2_ANSWER =
  'regions opened since 2014 accept only Signature Version 4 and AWS keeps turning Signature Version 2 off per service, so requests fail authentication';
const S3_SIGV2_ANSWER =
  'S3 answers 400 InvalidRequest "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256." in regions opened since 2014 and for buckets created since June 24, 2020';

/** aws-sdk v2 `signatureVersion` values that sign with something older than SigV4, and what that is. */
const LEGACY_SIGNATURE_VERSIONS: ReadonlyMap<string, { name: string; answer: string }> = new Map([
  ['v2', { name: 'Signature Version 2', answer: QUERY_SIGV2_ANSWER }],
  ['s3', { name: 'S3 Signature Version 2', answer: S3_SIGV2_ANSWER }],
  ['v3', { name: 'Signature Version 3', answer: SES_SIGV3_ANSWER }],
  ['v3https', { name: 'Signature Version 3 (AWS3-HTTPS)', answer: SES_SIGV3_ANSWER }],
]);

/** Keys of service-specific config blocks for those services (`sdb: {…}`, aws-sdk's own region table keys ending in `/sdb`). */
const SIGV2_ONLY_CONFIG_KEY = /(?:^|\/)(?:sdb|simpledb|importexport)$/i;

/** True for the options of a SigV2-only service: keyed by it, or naming it as `endpointPrefix`/`signingName`. */
function isSigV2OnlyServiceConfig(object: TSESTree.ObjectExpression): boolean {
  const holder = object.parent;
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === object) {
    const key = getPropertyKeyName(holder);
    if (key !== undefined && SIGV2_ONLY_CONFIG_KEY.test(key)) return true;
  }
  return object.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getPropertyKeyName(property);
    const value = property.value;
    return (
      (key === 'endpointPrefix' || key === 'signingName') &&
      value.type === AST_NODE_TYPES.Literal &&
      typeof value.value === 'string' &&
      SIGV2_ONLY_SERVICES.has(value.value)
    );
  });
}

type ConfigConsumer = { kind: 'sdkV2'; options: TSESTree.Node } | { kind: 'sdkV3' } | { kind: 'sigV2OnlyService' } | { kind: 'other' };

function classifyDestination(destination: Destination, scopeOf: ScopeOf): ConfigConsumer {
  if ('assignment' in destination) {
    const write = matchAwsSdkV2GlobalConfigAssignment(destination.assignment, scopeOf);
    return write?.kind === 'options' && write.options ? { kind: 'sdkV2', options: write.options } : { kind: 'other' };
  }
  const { call, argument } = destination;
  if (call.arguments[0] !== argument) return { kind: 'other' };
  if (call.type === AST_NODE_TYPES.NewExpression) {
    const client = matchAwsSdkV2ClientConstruction(call, scopeOf);
    if (client && SIGV2_ONLY_SERVICES.has(client.serviceId)) return { kind: 'sigV2OnlyService' };
    if (client || matchAwsSdkV2ConfigConstruction(call, scopeOf) !== undefined) {
      return { kind: 'sdkV2', options: argument };
    }
    const member = resolveModuleMember(call.callee, scopeOf);
    if (member?.source.startsWith('@aws-sdk/client-')) return { kind: 'sdkV3' };
    return { kind: 'other' };
  }
  return matchAwsSdkV2GlobalConfigUpdate(call, scopeOf) ? { kind: 'sdkV2', options: argument } : { kind: 'other' };
}

/** Looks an option up like the SDK reads it, also through `Object.assign(…)` (last argument wins). */
function findConfigOption(options: TSESTree.Node, name: string, scopeOf: ScopeOf): PropertyLookup {
  if (!isObjectAssignCall(options)) return findAwsSdkV2Option(options, name, scopeOf);
  for (const argument of [...options.arguments].reverse()) {
    const lookup = findConfigOption(argument, name, scopeOf);
    if (lookup.kind !== 'absent') return lookup;
  }
  return { kind: 'absent' };
}

function endpointKindOf(options: TSESTree.Node, scopeOf: ScopeOf): EndpointKind {
  const endpoint = findConfigOption(options, 'endpoint', scopeOf);
  if (endpoint.kind === 'absent') return 'aws';
  if (endpoint.kind === 'unknown') return 'unknown';
  return classifyEndpoint(endpoint.value, scopeOf);
}

/** A legacy version one branch may hold: `service === 'ses' ? 'v3' : 'v4'` signs SES with SigV3. */
function legacyBranchOf(scan: LegacyScan, value: TSESTree.Node): string | undefined {
  return constantsOf(scan.tracker().resolve(value))
    .map(String)
    .find((version) => LEGACY_SIGNATURE_VERSIONS.has(version));
}

/** The literal a variable holds, so a suggestion can keep its quote style. */
function resolvedLiteralOf(scan: LegacyScan, value: TSESTree.Node): TSESTree.Node | undefined {
  return getStringParts(value, scan.scopeOf(value)).resolvedInitializers.find(isInlineLiteral);
}

/** A fix for an inline literal on an AWS endpoint; a suggestion for shared values, shorthands and other endpoints. */
function reportLegacySignatureVersion(
  scan: LegacyScan,
  node: TSESTree.Property | TSESTree.AssignmentExpression,
  value: TSESTree.Node,
  version: string,
  endpointIsAws: boolean,
): void {
  const legacy = LEGACY_SIGNATURE_VERSIONS.get(version);
  if (!legacy) return;
  const data = { version, name: legacy.name, answer: legacy.answer };
  const isShorthand = node.type === AST_NODE_TYPES.Property && node.shorthand;
  const replaceWithV4 = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => {
    if (isShorthand) return fixer.replaceText(node, "signatureVersion: 'v4'");
    const quote = quoteOf(isInlineLiteral(value) ? value : (resolvedLiteralOf(scan, value) ?? value));
    return fixer.replaceText(value, `${quote}v4${quote}`);
  };
  if (endpointIsAws && isInlineLiteral(value) && !isShorthand) {
    scan.context.report({ node, messageId: 'legacySignatureVersion', data, fix: replaceWithV4 });
    return;
  }
  scan.context.report({
    node,
    messageId: endpointIsAws ? 'legacySignatureVersion' : 'legacySignatureVersionCustomEndpoint',
    data,
    suggest: [{ messageId: 'useSigV4', fix: replaceWithV4 }],
  });
}

/** The endpoint kinds of the aws-sdk v2 clients the property reaches and wins for; undefined when none. */
function endpointKindsReached(scan: LegacyScan, property: TSESTree.Property, object: TSESTree.ObjectExpression, consumers: readonly ConfigConsumer[]): EndpointKind[] | undefined {
  const { scopeOf } = scan;
  const sdkV2Options = consumers.flatMap((consumer) => (consumer.kind === 'sdkV2' ? [consumer.options] : []));
  if (sdkV2Options.length > 0) {
    // Only clients for which this property is the one that wins (not overridden by a later key).
    const effective = sdkV2Options.filter((options) => {
      const lookup = findConfigOption(options, 'signatureVersion', scopeOf);
      return lookup.kind === 'found' && lookup.property === property;
    });
    return effective.length === 0 ? undefined : effective.map((options) => endpointKindOf(options, scopeOf));
  }
  if (scan.fileUsesAwsSdkV2() || isS3OptionsOfWrapper(object, scan.sourceCode, scopeOf)) return [endpointKindOf(object, scopeOf)];
  return undefined;
}

function checkSignatureVersionProperty(scan: LegacyScan, property: TSESTree.Property): void {
  const { context, sourceCode, scopeOf } = scan;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
  const consumers = findObjectDestinations(object, sourceCode).map((destination) => classifyDestination(destination, scopeOf));
  if (consumers.some((consumer) => consumer.kind === 'sdkV3')) {
    context.report({
      node: property,
      messageId: 'signatureVersionInSdkV3',
      suggest: [{ messageId: 'removeSignatureVersion', fix: (fixer) => removeProperty(fixer, sourceCode, property) }],
    });
    return;
  }
  const version = getStaticString(property.value, scopeOf(property.value)) ?? legacyBranchOf(scan, property.value);
  if (version === undefined || !LEGACY_SIGNATURE_VERSIONS.has(version)) return;
  if (consumers.some((consumer) => consumer.kind === 'sigV2OnlyService') || isSigV2OnlyServiceConfig(object)) return;
  const endpointKinds = endpointKindsReached(scan, property, object, consumers);
  if (endpointKinds) reportLegacySignatureVersion(scan, property, property.value, version, endpointKinds.every((kind) => kind === 'aws'));
}

/** `opts.signatureVersion = 's3'` on options a client is built from later in the file. */
function checkSignatureVersionWrite(scan: LegacyScan, assignment: TSESTree.AssignmentExpression, constructions: readonly TSESTree.NewExpression[]): void {
  const endpointKinds = clientsBuiltWithWrite(assignment, constructions, scan.tracker(), scan.scopeOf);
  if (endpointKinds.length === 0) return;
  const version = getStaticString(assignment.right, scan.scopeOf(assignment.right)) ?? legacyBranchOf(scan, assignment.right);
  if (version === undefined) return;
  reportLegacySignatureVersion(scan, assignment, assignment.right, version, endpointKinds.every((kind) => kind === 'aws'));
}

export function signatureVersionListeners(scan: LegacyScan): TSESLint.RuleListener {
  if (!scan.checksSignatureVersionConfig) return {};
  const optionWrites: TSESTree.AssignmentExpression[] = [];
  const constructions: TSESTree.NewExpression[] = [];
  return {
    'Property[key.name="signatureVersion"], Property[key.value="signatureVersion"]'(property: TSESTree.Property) {
      checkSignatureVersionProperty(scan, property);
    },
    'AssignmentExpression[operator="="] > MemberExpression.left[property.name="signatureVersion"], AssignmentExpression[operator="="] > MemberExpression.left[property.value="signatureVersion"]'(
      node: TSESTree.MemberExpression,
    ) {
      const assignment = node.parent as TSESTree.AssignmentExpression;
      const write = matchAwsSdkV2GlobalConfigAssignment(assignment, scan.scopeOf);
      if (!write) optionWrites.push(assignment);
      if (write?.kind !== 'property') return;
      const version = getStaticString(write.value, scan.scopeOf(write.value));
      if (version !== undefined) reportLegacySignatureVersion(scan, assignment, write.value, version, true);
    },
    NewExpression(node) {
      constructions.push(node);
    },
    'Program:exit'() {
      for (const assignment of optionWrites) checkSignatureVersionWrite(scan, assignment, constructions);
    },
  };
}
