// The codemod map: one codemod per rule name. A rule without a codemod here has its findings
// reported as manual work, with the rule's own message as what to do.
//
// Plugging one in: codemods/<rule-name>.ts default-exports a `Codemod` (codemods/types.ts) and is
// added below. It runs once per finding, returns TextEdits against the file's original text (never
// mutates the ts-morph tree, which the run shares), gets helper names only through
// `helper.use(…)` (the engine writes the import), and returns `manual` when unsure.
import type { RuleName } from '../rules/index';
import noLegacySignature from './no-legacy-signature';
import presignedPutContentType from './presigned-put-content-type';
import requireSigv4Presign from './require-sigv4-presign';
import sortedCanonicalQuery from './sorted-canonical-query';
import type { Codemod } from './types';

export const codemods: Partial<Record<RuleName, Codemod>> = {
  'no-legacy-signature': noLegacySignature,
  'presigned-put-content-type': presignedPutContentType,
  'require-sigv4-presign': requireSigv4Presign,
  'sorted-canonical-query': sortedCanonicalQuery,
};
