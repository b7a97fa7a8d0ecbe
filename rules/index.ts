// The rule map: the single list the plugin, its recommended config and the CLI read.
import noLegacySignature from './no-legacy-signature';
import noLegacySigningDependency from './no-legacy-signing-dependency';
import presignedPutContentType from './presigned-put-content-type';
import requireSigv4Presign from './require-sigv4-presign';
import sortedCanonicalQuery from './sorted-canonical-query';

export const rules = {
  'no-legacy-signature': noLegacySignature,
  'presigned-put-content-type': presignedPutContentType,
  'require-sigv4-presign': requireSigv4Presign,
  'sorted-canonical-query': sortedCanonicalQuery,
};

export type RuleName = keyof typeof rules;

/** Rules for package.json files (ESLint's JSON language), apart from `rules`, which the CLI runs on code. */
export const packageJsonRules = { 'no-legacy-signing-dependency': noLegacySigningDependency };
