// The codemod map: one codemod per rule name. A rule without a codemod here has its findings
// reported as manual work, with the rule's own message as what to do.
import type { RuleName } from '../rules/index';
import type { Codemod } from './types';

export const codemods: Partial<Record<RuleName, Codemod>> = {};
