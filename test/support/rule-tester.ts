// Wires @typescript-eslint/rule-tester to node:test and offers both parsers users run rules under.
import { after, describe, it } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** @typescript-eslint/parser: TypeScript and JavaScript, ESM (the default for TS files). */
export const typescriptRuleTester = new RuleTester();

/** espree, ESLint's default parser: plain JavaScript as most users lint it. */
export const javascriptRuleTester = new RuleTester({
  languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
});
