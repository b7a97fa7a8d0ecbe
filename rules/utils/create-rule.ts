// The one place rule metadata is shaped: every rule is built with `createRule` so its docs URL and
// `recommended` flag follow the same convention.
import { ESLintUtils } from '@typescript-eslint/utils';

export interface SigV4RuleDocs {
  /** Turned on by `configs.recommended` when true. */
  recommended: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/sigv4-migrate/sigv4-migrate/blob/main/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<SigV4RuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
