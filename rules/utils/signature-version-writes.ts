// `opts.signatureVersion = 'v2'` on an options object that an aws-sdk v2 client is built from later
// (`this.s3opts.signatureVersion = 's3'; this.s3 = new AWS.S3(this.s3opts)`): which clients it reaches.
import type { TSESTree } from '@typescript-eslint/utils';
import { classifyEndpoint, matchAwsSdkV2ClientConstruction, matchAwsSdkV2ConfigConstruction, type EndpointKind } from './aws-sdk-v2';
import type { ScopeOf } from './const-binding';
import { propertyAt, type ValueTracker } from '../values';

/** aws-sdk v2 services that only speak SigV2: their `signatureVersion: 'v2'` is required, not legacy. */
export const SIGV2_ONLY_SERVICES = new Set(['simpledb', 'sdb', 'importexport']);

/** The options an aws-sdk v2 client or `new AWS.Config` reads, or undefined for any other `new` (and SigV2-only services). */
function sdkV2OptionsOf(construction: TSESTree.NewExpression, scopeOf: ScopeOf): TSESTree.Node | undefined {
  const client = matchAwsSdkV2ClientConstruction(construction, scopeOf);
  if (client) return SIGV2_ONLY_SERVICES.has(client.serviceId) ? undefined : client.options;
  return matchAwsSdkV2ConfigConstruction(construction, scopeOf) ?? undefined;
}

/**
 * The endpoint kinds of the clients for which `assignment` writes the `signatureVersion` they are built
 * with (the write that wins at the construction); [] when it reaches none.
 */
export function clientsBuiltWithWrite(
  assignment: TSESTree.AssignmentExpression,
  constructions: readonly TSESTree.NewExpression[],
  values: ValueTracker,
  scopeOf: ScopeOf,
): EndpointKind[] {
  return constructions.flatMap((construction) => {
    const options = construction.range[0] > assignment.range[0] ? sdkV2OptionsOf(construction, scopeOf) : undefined;
    if (!options) return [];
    const object = values.objectAt(options, construction);
    const written = propertyAt(object, 'signatureVersion');
    if (written.kind !== 'found' || ![written.value, ...written.maybe].includes(assignment.right)) return [];
    const endpoint = propertyAt(object, 'endpoint');
    if (endpoint.kind === 'absent') return ['aws' as const];
    return [endpoint.kind === 'found' ? classifyEndpoint(endpoint.value, scopeOf) : ('unknown' as const)];
  });
}
