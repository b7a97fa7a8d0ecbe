// Runs the value layer over a snippet: every `probe(expr)` call's argument is handed to a callback
// with the file's tracker, inside a real ESLint run (scopes, parser, visitor keys as rules see them).
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { patternsOf, valuesOf, type ValueTracker } from '../../../rules/values';

type Probe = (tracker: ValueTracker, argument: TSESTree.Node, call: TSESTree.CallExpression) => void;

/** Lints `code` with a rule that calls `onProbe` for each `probe(x)`, in source order. */
export function probeAll(code: string, onProbe: Probe): void {
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      return {
        'CallExpression[callee.name="probe"]'(call: TSESTree.CallExpression) {
          const [argument] = call.arguments;
          if (argument) onProbe(valuesOf(context.sourceCode), argument, call);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as never, sourceType: 'module' },
      // The test rule is typed with TSESLint's types; ESLint's plugin type mirrors them structurally.
      plugins: { test: { rules: { probe: rule as never } } },
      rules: { 'test/probe': 'error' },
    },
  ], 'probe.ts');
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
}

/** The value patterns (run-time pieces as `?`) of every `probe(x)` in the snippet. */
export function patterns(code: string): string[][] {
  const found: string[][] = [];
  probeAll(code, (tracker, argument) => {
    found.push(patternsOf(tracker.resolve(argument)).map((pattern) => pattern.replaceAll('\u0000', '?')));
  });
  return found;
}
