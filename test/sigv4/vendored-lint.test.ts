// The helper as the CLI vendors it (dist/vendor: sigv4.ts, .mjs, .cjs, written by `npm run build`) passes a
// user's lint: eslint:recommended plus typescript-eslint's recommended rules, under ESLint 9 and ESLint 10.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint as ESLint10 } from 'eslint';
import { builtinRules as rules10 } from 'eslint/use-at-your-own-risk';
import { ESLint as ESLint9 } from 'eslint9';
import { builtinRules as rules9 } from 'eslint9/use-at-your-own-risk';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import type { Linter } from 'eslint';
import { REPOSITORY_ROOT } from '../support/built-plugin';

const VENDOR = join(REPOSITORY_ROOT, 'dist', 'vendor');
const FLAVOURS = ['ts', 'mjs', 'cjs'] as const;

/** The part of a core rule read here; ESLint 9 and 10 type their rules apart. */
type BuiltinRules = ReadonlyMap<string, { meta?: { docs?: { recommended?: unknown } } }>;

/** `eslint:recommended` of one ESLint version: the rules its own metadata marks recommended. */
function recommendedRules(builtin: BuiltinRules): Linter.RulesRecord {
  const recommended: Linter.RulesRecord = {};
  for (const [name, rule] of builtin) if (rule.meta?.docs?.recommended) recommended[name] = 'error';
  return recommended;
}

/**
 * A user's flat config: eslint:recommended, then typescript-eslint's recommended configs. Those set sourceType
 * 'module' for every file, so a project with CommonJS files declares them as such (or no .cjs of its own would pass).
 */
function userConfig(builtin: BuiltinRules): Linter.Config[] {
  return [{ rules: recommendedRules(builtin) }, ...(tseslint.configs.recommended as Linter.Config[]), { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } }];
}

interface Linted {
  ruleIds: string[];
  messages: string[];
}

async function lintVendored(ESLint: typeof ESLint10, builtin: BuiltinRules, flavour: string): Promise<Linted> {
  const project = mkdtempSync(join(tmpdir(), 'sigv4-vendored-lint-'));
  const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: userConfig(builtin) });
  const text = readFileSync(join(VENDOR, `sigv4.${flavour}`), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: join(project, `src/sigv4.${flavour}`) });
  const messages = result?.messages ?? [];
  return { ruleIds: messages.map((message) => String(message.ruleId)), messages: messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`) };
}

describe('the vendored helper passes eslint:recommended + typescript-eslint recommended', () => {
  it('the build wrote the three vendored copies', () => {
    for (const flavour of FLAVOURS) assert.ok(existsSync(join(VENDOR, `sigv4.${flavour}`)), `dist/vendor/sigv4.${flavour} is missing: run npm run build`);
  });

  it('the configs hold the rules the issue names, so a clean result means something', () => {
    for (const builtin of [rules9 as BuiltinRules, rules10 as BuiltinRules]) assert.equal(recommendedRules(builtin)['no-control-regex'], 'error');
    assert.deepEqual(Object.keys(recommendedRules(rules9)).sort(), Object.keys(js.configs.recommended.rules).sort());
    const rulesOn = userConfig(rules10).flatMap((config) => Object.keys(config.rules ?? {}));
    assert.ok(rulesOn.includes('@typescript-eslint/no-unused-vars') && rulesOn.includes('@typescript-eslint/no-explicit-any'));
  });

  for (const [version, ESLint, builtin] of [
    ['ESLint 9', ESLint9 as unknown as typeof ESLint10, rules9 as BuiltinRules],
    ['ESLint 10', ESLint10, rules10 as BuiltinRules],
  ] as const) {
    for (const flavour of FLAVOURS) {
      it(`${version}: sigv4.${flavour} has no problems`, async () => {
        const linted = await lintVendored(ESLint, builtin, flavour);
        assert.deepEqual(linted.messages, []);
      });
    }
  }

  it('the check notices a control character in a regular expression', async () => {
    const project = mkdtempSync(join(tmpdir(), 'sigv4-vendored-lint-'));
    const eslint = new ESLint10({ cwd: project, overrideConfigFile: true, overrideConfig: userConfig(rules10) });
    const [result] = await eslint.lintText('export const CONTROL = /[\\x00-\\x1f]/;\n', { filePath: join(project, 'src/sigv4.ts') });
    assert.deepEqual(result?.messages.map((message) => message.ruleId), ['no-control-regex']);
  });
});
