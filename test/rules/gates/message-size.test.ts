// Every message the rules report in their rule-tester suites, with its data filled in, is short:
// at most two sentences and 200 characters. The docs page (meta.docs.url) carries the recipe.
// Why 200: ESLint's stylish output, an editor's hover and a code-scanning alert show the message
// on one or two lines of a 100-column view; two sentences say what is wrong and what to do.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as typescriptParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { RunTests } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { rules } from '../../../rules/index';
import { MAX_MESSAGE_LENGTH, MAX_MESSAGE_SENTENCES, sentenceCount } from '../../support/message-size';

type RecordedCase = { rule: string; name: string; code: string; options?: readonly unknown[]; filename?: string; languageOptions?: Linter.LanguageOptions };

const ruleNames = Object.keys(rules);
const rulesDirectory = join(import.meta.dirname, '..');

/** The invalid cases of every code rule's `run(…)` calls, recorded instead of run. */
async function collectInvalidCases(): Promise<RecordedCase[]> {
  const recorded: RecordedCase[] = [];
  const originalRun = RuleTester.prototype.run;
  RuleTester.prototype.run = function record(runName: string, _rule: unknown, tests: RunTests<string, readonly unknown[]>) {
    const rule = ruleNames.find((name) => runName === name || runName.startsWith(`${name} `));
    if (!rule) return;
    tests.invalid.forEach((test, index) => recorded.push({
      rule,
      name: test.name ?? `${runName} #${index}`,
      code: test.code,
      options: test.options,
      filename: test.filename,
      languageOptions: test.languageOptions as Linter.LanguageOptions | undefined,
    }));
  };
  try {
    const files = readdirSync(rulesDirectory).filter((file) => file.endsWith('.test.ts') && ruleNames.some((rule) => file.startsWith(`${rule}.`) || file.startsWith(`${rule}-`)));
    for (const file of files.sort()) await import(join(rulesDirectory, file));
  } finally {
    RuleTester.prototype.run = originalRun;
  }
  return recorded;
}

/** Each report's message and its suggestions' descriptions, as ESLint formats them. */
function messagesOf(test: RecordedCase): string[] {
  const linter = new Linter({ configType: 'flat' });
  const extension = /\.[cm]?[jt]sx?$/.exec(test.filename ?? '')?.[0] ?? '.ts';
  const config: Linter.Config = {
    files: [`**/*${extension}`],
    plugins: { sigv4: { rules: rules as never } },
    languageOptions: { parser: typescriptParser, ...test.languageOptions },
    rules: { [`sigv4/${test.rule}`]: ['error', ...(test.options ?? [])] as Linter.RuleEntry },
  };
  return linter.verify(test.code, [config], `file${extension}`).flatMap((message) => {
    assert.equal(message.ruleId, `sigv4/${test.rule}`, `${test.name}: ${message.message}`);
    return [message.message, ...(message.suggestions ?? []).map((suggestion) => suggestion.desc)];
  });
}

const invalidCases = await collectInvalidCases();

describe('message size', () => {
  for (const rule of ruleNames) {
    it(`${rule}: every message of its rule-tester cases is at most ${MAX_MESSAGE_SENTENCES} sentences and ${MAX_MESSAGE_LENGTH} characters`, () => {
      const cases = invalidCases.filter((test) => test.rule === rule);
      assert.ok(cases.length > 10, `invalid cases recorded for ${rule}`);
      const messages = new Set(cases.flatMap(messagesOf));
      const tooLong = [...messages].filter((message) => message.length > MAX_MESSAGE_LENGTH || sentenceCount(message) > MAX_MESSAGE_SENTENCES);
      assert.deepEqual(tooLong.map((message) => `${message.length}: ${message}`), []);
    });
  }

  for (const [rule, module] of Object.entries(rules)) {
    it(`${rule}: its docs page (meta.docs.url) carries the recipes, under "How to fix"`, () => {
      const url = (module.meta.docs as { url?: string }).url ?? '';
      assert.ok(url.endsWith(`/docs/rules/${rule}.md`), url);
      const page = readFileSync(join(rulesDirectory, '..', '..', 'docs', 'rules', `${rule}.md`), 'utf8');
      assert.match(page, /^## How to fix$/m);
    });
  }
});
